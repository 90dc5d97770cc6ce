import { describe, expect, it } from 'vitest';
import { HOST_USAGE, parseHostArgs, type HostArgs } from '../../electron/host/args';

describe('parseHostArgs', () => {
  it.each<[string[], HostArgs]>([
    [[], { port: 5780, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--port', '0'], { port: 0, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--port', '8080'], { port: 8080, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--port', '65535'], { port: 65535, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--data-dir', '/srv/counter'], { port: 5780, dataDir: '/srv/counter', demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--data-dir', 'D:\\窗口 数据'], { port: 5780, dataDir: 'D:\\窗口 数据', demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--demo'], { port: 5780, dataDir: null, demo: true, clockStart: null, hallTimeoutMs: null }],
    [['--demo', '--port', '6000', '--data-dir', 'x'], { port: 6000, dataDir: 'x', demo: true, clockStart: null, hallTimeoutMs: null }],
    [['--port', '1', '--port', '2'], { port: 2, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: null }],
    [['--clock-start', '2026-09-25T10:00:00+08:00'], { port: 5780, dataDir: null, demo: false, clockStart: new Date('2026-09-25T02:00:00Z'), hallTimeoutMs: null }],
    [['--hall-timeout-ms', '30000'], { port: 5780, dataDir: null, demo: false, clockStart: null, hallTimeoutMs: 30_000 }],
  ])('%j', (argv, expected) => {
    expect(parseHostArgs(argv)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['--port'], '--port needs a value'],
    [['--data-dir'], '--data-dir needs a value'],
    [['--port', '65536'], '--port must be 0-65535'],
    [['--port', '-1'], '--port must be 0-65535'],
    [['--port', 'abc'], '--port must be 0-65535'],
    [['--port', '80.5'], '--port must be 0-65535'],
    [['--port', ''], '--port must be 0-65535'],
    [['--port', ' '], '--port must be 0-65535'],
    [['--port', '0x50'], '--port must be 0-65535'],
    [['--port', '1e3'], '--port must be 0-65535'],
    [['--clock-start'], '--clock-start needs a value'],
    [['--clock-start', 'next friday'], '--clock-start must be an ISO time'],
    [['--hall-timeout-ms'], '--hall-timeout-ms needs a value'],
    [['--hall-timeout-ms', '100'], '--hall-timeout-ms must be 500-120000'],
    [['--hall-timeout-ms', '5s'], '--hall-timeout-ms must be 500-120000'],
    [['--hall-timeout-ms', '1000000'], '--hall-timeout-ms must be 500-120000'],
    [['--verbose'], 'unknown option --verbose'],
    [['demo'], 'unknown option demo'],
    [['--port=8080'], 'unknown option --port=8080'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseHostArgs(argv)).toThrow(message);
    expect(() => parseHostArgs(argv)).toThrow(HOST_USAGE);
  });
});
