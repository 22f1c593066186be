// Engine failures are codes (src/engine/engine-error.ts); in Node, as in the CLI, they read
// in the active catalogue's words (English unless a test sets another locale).
import { setEngineWording } from '../src/engine/engine-error';
import { failureText } from '../src/i18n';

setEngineWording((f) => failureText(f));
