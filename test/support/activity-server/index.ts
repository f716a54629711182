// The local Journey Builder custom activity for tests, the CLI suite and e2e.
export { startActivityServer } from './start-activity-server';
export type { ActivityFault, ActivityRequestRecord, ActivityServer, ActivityServerOptions } from './start-activity-server';
