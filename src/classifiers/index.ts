/** The classifiers' public surface: the two report classifiers, the command's text classifier, and their types. */
export { classifyEmergency } from './classifyEmergency.js';
export { classifyNonEmergency } from './classifyNonEmergency.js';
export { classifyReport } from './classifyReport.js';
export { classifyText } from './classifyText.js';
export { supportedLanguage, supportedLanguages } from './ruleSetsForText.js';
export type { ClassifierInput, EmergencyVerdict, NonEmergencyVerdict, Signal, SignalCategory, TextVerdict } from './types.js';
export { signalCategories } from './types.js';
