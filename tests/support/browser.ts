/** The launcher moved to src/io/browser.ts (the tools use it too); tests keep importing it here. */
export { CHROMIUM, launchBrowser } from '../../src/io/browser.ts';
