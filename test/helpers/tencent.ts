// Moved to harness/ (one harness for test/, scripts/ and bench/). This re-export keeps the test
// files that are being edited in parallel compiling; delete it once nothing imports test/helpers/.
export { tencentCredentials } from '../../harness/credentials';
export { tencentEngine } from '../../harness/registry';
export { tencentWorkflow } from '../../harness/fixtures';
