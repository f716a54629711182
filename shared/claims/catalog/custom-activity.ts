// The JWT body Journey Builder POSTs to a custom activity (execute, and save, validate, publish, stop) with "useJwt": true.
// Documented: inArguments and outArguments (config.json's arguments.execute) and their data bindings. The ids, keyValue and
// mode are seen in recorded calls and public activity code, not in the docs: those entries are marked undocumented and
// say so. Fields a call carries beyond these are shown as found, without a warning (an activity may add its own).
import type { ClaimEntry, Interpreter } from '../claim-entry';

const SEEN = 'Seen in recorded calls and public activity code, not documented:';

/** Data bindings a developer writes in config.json, e.g. {{Contact.Key}}: resolved per contact before the call. */
const BINDING = /\{\{[^{}]{1,200}\}\}/;

const interpretArgument: Interpreter = (value) => {
  if (typeof value !== 'string') return null;
  if (BINDING.test(value))
    return 'A data binding as written: in an execute call Journey Builder resolves bindings per contact, so this call was made by hand (a test) or the binding was not resolved (what is sent then is not documented). Check its spelling and the event definition key.';
  return null;
};

const interpretMode: Interpreter = (value) =>
  value === 0 ? 'The value recorded execute calls carry; its meaning is not documented.' : null;

/** The fields of a custom-activity call, one entry per path. */
export const CUSTOM_ACTIVITY_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'inArguments',
    subtree: true,
    explanation:
      "Documented: a value configured for this activity (config.json arguments.execute.inArguments; your configuration UI may update it on save), its data binding resolved for this contact: {{Contact.Key}} is the contact key, {{InteractionDefaults.Email}} or {{Contact.Default.PhoneNumber}} read the journey's defaults and contact attributes, {{Event.<eventDefinitionKey>.<field>}} a field of the entry event's data. It is an array of objects, often one argument each: merge them.",
    interpret: interpretArgument,
  },
  {
    path: 'outArguments',
    subtree: true,
    explanation:
      'Documented: the values this activity declares it returns (config.json arguments.execute.outArguments). Journey Builder reads what your execute answer puts under the same names, for later activities and decision splits; empty when the activity returns nothing.',
  },
  {
    path: 'activityObjectID',
    undocumented: true,
    explanation: `${SEEN} the id of this activity in the journey's definition (in recorded execute calls it equals activityId). Stable across contacts and calls: key your activity's saved configuration by it.`,
  },
  {
    path: 'journeyId',
    undocumented: true,
    explanation: `${SEEN} the id of the journey that made the call. Use it with activityId to tell which journey and which of its activities configured the call.`,
  },
  {
    path: 'activityId',
    undocumented: true,
    explanation: `${SEEN} the id of this activity in the journey (in recorded calls the same as activityObjectID).`,
  },
  {
    path: 'definitionInstanceId',
    undocumented: true,
    explanation: `${SEEN} an id of the journey's running instance (its exact scope is not published). Log it with activityInstanceId to trace a call.`,
  },
  {
    path: 'activityInstanceId',
    undocumented: true,
    explanation: `${SEEN} an id of this activity's running instance, different from activityId in recorded calls (its exact scope is not published): log it to trace a call.`,
  },
  {
    path: 'keyValue',
    undocumented: true,
    explanation: `${SEEN} the contact key of the contact this call is for (what {{Contact.Key}} resolves to); often an email address or a CRM id.`,
  },
  {
    path: 'mode',
    undocumented: true,
    explanation: `${SEEN} a number whose meaning no public source gives; 0 in recorded execute calls. Do not branch on it.`,
    interpret: interpretMode,
  },
];
