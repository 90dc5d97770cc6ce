// `npm run audit:verify -- --data-dir DIR`: checks the audit trail's hash chain, read-only.
// The logic lives (type-checked and tested) in electron/services/audit/cli.ts.
import { runAuditVerify } from '../electron/services/audit/cli';

try {
  process.exit(runAuditVerify(process.argv.slice(2), (line) => console.log(line)));
} catch (error: unknown) {
  console.error('审计核验失败 / audit verification failed:', error);
  process.exit(2);
}
