// The example report of the presentation page: made by the build from a generated
// export of fictional people (web/scripts/make-demo-report.sh, run by
// scripts/build-web.sh) with the current core; never committed, never edited.
import type { Report } from '../report'
import json from './demo-report.json'

export const demoReport = json as unknown as Report
