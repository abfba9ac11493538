/** The configurator's bundle entry (dist/configurator/configurator.js): defines `<keksi-configurator>`. */
export { KeksiConfigurator } from './keksi-configurator.js';
