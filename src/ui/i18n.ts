// The screens' access to the catalogue: importing through here registers the UI messages.
import '../i18n/messages/ui.js';

export { getLang, t } from '../i18n/index.js';
