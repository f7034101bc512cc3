import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { answerBattery } from './testing/time-zone-battery';

/**
 * Results must not depend on the process time zone. Jest gives each test file a copy of
 * process.env, so setting TZ here would not reach Node; instead one child process (TypeScript
 * transpiled on the fly, as ts-jest does) answers the same batch under several zones, switching
 * process.env.TZ between them, and the answers are compared with this process's.
 */
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/Brussels'];

const CHILD_SCRIPT = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
const { answerBattery } = require(process.argv[1]);
const results = {};
for (const zone of JSON.parse(process.argv[2])) {
  process.env.TZ = zone;
  results[zone] = { januaryOffset: new Date('2027-01-15T12:00:00Z').getTimezoneOffset(), answers: answerBattery() };
}
process.stdout.write(JSON.stringify(results));
`;

interface ZoneResult {
  januaryOffset: number;
  answers: string[];
}

describe('independence from the process time zone', () => {
  it('gives identical answers under UTC, New York, Kolkata, Chatham and Brussels', () => {
    const output = execFileSync(
      process.execPath,
      ['-e', CHILD_SCRIPT, join(__dirname, 'testing', 'time-zone-battery.ts'), JSON.stringify(ZONES)],
      { cwd: join(__dirname, '..', '..', '..'), encoding: 'utf8', timeout: 30_000 },
    );
    const results = JSON.parse(output) as Record<string, ZoneResult>;
    // The zone switch took effect in the child, so the comparison means something.
    expect(ZONES.map((zone) => results[zone].januaryOffset)).toEqual([0, 300, -330, -825, -60]);
    const here = answerBattery();
    for (const zone of ZONES) expect(results[zone].answers).toEqual(here);
  });
});
