/** The configurator page's styles (light DOM: the element renders them with its markup). */
export const configuratorStyles = `
keksi-configurator { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #1d1d1f; }
keksi-configurator * { box-sizing: border-box; }
keksi-configurator .layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) { keksi-configurator .layout { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
keksi-configurator fieldset { border: 1px solid #8a8a90; border-radius: 8px; margin: 0 0 1.5rem; padding: 1rem; min-width: 0; }
keksi-configurator legend { font-weight: 700; font-size: 1.125rem; padding: 0 0.25rem; }
keksi-configurator .field { margin: 0 0 1rem; }
keksi-configurator fieldset fieldset { margin: 0 0 1rem; }
keksi-configurator label.check { display: inline-flex; align-items: center; gap: 0.375rem; min-height: 2.75rem; margin-right: 1.25rem; font-weight: 400; }
keksi-configurator label.check input { width: 1.25rem; height: 1.25rem; }
keksi-configurator .notes li { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
keksi-configurator label { display: block; font-weight: 600; }
keksi-configurator input:not([type=color]):not([type=file]), keksi-configurator select, keksi-configurator textarea { width: 100%; max-width: 100%; font: inherit; padding: 0.5rem; border: 1px solid #6e6e73; border-radius: 6px; background: #fff; color: inherit; }
keksi-configurator input[type=color] { width: 3rem; height: 2.75rem; }
keksi-configurator textarea { font-family: ui-monospace, monospace; font-size: 0.875rem; white-space: pre; overflow-x: auto; }
keksi-configurator .hint { margin: 0.125rem 0 0.25rem; color: #53535a; }
keksi-configurator .error { margin: 0.25rem 0 0; color: #b00020; font-weight: 600; }
keksi-configurator [aria-invalid=true] { border-color: #b00020; border-width: 2px; }
keksi-configurator :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
keksi-configurator button, keksi-configurator .file { font: inherit; min-height: 2.75rem; padding: 0.5rem 1rem; margin: 0.25rem 0.5rem 0.25rem 0; border: 1px solid #1d1d1f; border-radius: 6px; background: #fff; color: #1d1d1f; cursor: pointer; display: inline-block; }
keksi-configurator a.try { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0.5rem 1rem; margin: 0.25rem 0; border: 1px solid #1a5fb4; border-radius: 6px; color: #1a5fb4; font-weight: 700; }
keksi-configurator button.primary { background: #1a5fb4; border-color: #1a5fb4; color: #fff; font-weight: 700; }
keksi-configurator ol.steps { padding: 0; list-style: none; }
keksi-configurator ol.steps > li { margin: 0 0 1.5rem; }
keksi-configurator .fast-path { margin: 0 0 1.5rem; }
keksi-configurator .swatch { display: inline-block; padding: 0 0.5rem; border-radius: 4px; font-weight: 700; border: 1px solid #6e6e73; }
keksi-configurator .preview { position: sticky; top: 0; align-self: start; }
keksi-configurator iframe { width: 100%; height: 32rem; border: 1px solid #8a8a90; border-radius: 8px; background: #fff; }
keksi-configurator details { margin: 0 0 1rem; }
keksi-configurator details.where { margin: -0.75rem 0 1rem; }
keksi-configurator details.where summary { font-weight: 400; padding: 0.625rem 0; }
keksi-configurator details.where p { margin: 0; color: #53535a; overflow-wrap: anywhere; }
keksi-configurator summary { cursor: pointer; font-weight: 600; padding: 0.625rem 0; overflow-wrap: anywhere; }
keksi-configurator summary h3 { display: inline; font-size: 1.0625rem; margin: 0; }
@media (forced-colors: active) { keksi-configurator [aria-invalid=true] { border-color: Mark; } }
`;
