/** The message key that names each kind of signal, for the "This may be an emergency" step and the mail. */
import type { SignalCategory } from './types.js';

export const signalLabelKey: Record<SignalCategory, string> = {
  'physical-harm': 'reportincident-signal-physical-harm',
  'self-harm': 'reportincident-signal-self-harm',
  'public-harm': 'reportincident-signal-public-harm',
  doxing: 'reportincident-signal-doxing',
  'sexual-harassment': 'reportincident-signal-sexual-harassment',
  hate: 'reportincident-signal-hate',
  intimidation: 'reportincident-signal-intimidation',
  spam: 'reportincident-signal-spam',
  trolling: 'reportincident-signal-trolling',
};
