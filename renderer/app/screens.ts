/** The app's screens, in nav order. */
export const SCREENS = [
  { id: 'decoder', label: 'Decoder', hint: 'Decode and verify tokens' },
  { id: 'credentials', label: 'Intelligence credentials', hint: 'Test a service account' },
  { id: 'engagement', label: 'Engagement credentials', hint: 'Server-to-server token, who am I' },
  { id: 'compose', label: 'Compose', hint: 'Sign and send test tokens' },
  { id: 'profiles', label: 'Profiles', hint: 'Saved credentials' },
] as const;

/** One screen id. */
export type ScreenId = (typeof SCREENS)[number]['id'];
