/**
 * Every language's texts at once, for what shows any language without a request of its own: the
 * privacy notice (its own bundle) and the configurator. The visitor's UI loads only its own (index.ts).
 */
import type { Lang } from '../controller/config.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import type { Translation } from './translation.js';

export const translations: Record<Lang, Translation> = { fi, sv, en };
