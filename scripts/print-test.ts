// `npm run print:test -- --printer tcp://127.0.0.1:9100 --width 80`: the printer test page from the command line.
// The logic lives (type-checked and tested) in electron/services/printing/cli.ts.
import { runPrintTest } from '../electron/services/printing/cli';

runPrintTest(process.argv.slice(2), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('打印测试失败：', error);
    process.exit(1);
  },
);
