/** All UI translations, looked up by language inside render(). */
import type { Lang } from '../controller/config.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { sv } from './sv.js';
import type { Translation } from './translation.js';

export type { Translation, CategoryText, Plural } from './translation.js';
export const translations: Record<Lang, Translation> = { fi, sv, en };
