// content/annotator.js: the annotator's own script (scripts/build-content.ts), put into a frame by
// the background where the loader asks for it (load-annotator.ts).
import * as annotator from './annotator';
import { provideAnnotator } from './load-annotator';
import { step } from './status';

step('annotator');
provideAnnotator(annotator);
