import { describe, expect, it } from 'vitest';
import { auditThreadHintFor } from '../../../src/cli/start-ahead';

describe('auditThreadHintFor: which command lines start the audit thread before parsing', () => {
  it.each([
    [['audit', 'https://www.example.go.th/'], { auto: true }],
    [['audit', 'https://www.example.go.th/', '--rules', 'auto'], { auto: true }],
    [['audit', 'https://www.example.go.th/', '--rules', 'ita-2568'], { auto: false }],
    [['audit', '--rules=ita-2562', 'https://www.example.go.th/'], { auto: false }],
    [['audit'], { auto: true }],
  ])('%j → %j', (argv, hint) => {
    expect(auditThreadHintFor(argv)).toEqual(hint);
  });

  it.each([
    [['audit', '--help']],
    [['audit', 'https://www.example.go.th/', '-h']],
    // A pack folder runs in the CLI's own thread (audit-thread.ts).
    [['audit', 'https://www.example.go.th/', '--rules', './my-pack/']],
    [['audit', 'https://www.example.go.th/', '--rules=pack.json']],
    [['score', '--iit', '80', '--eit', '85', '--oit', '90']],
    [['--version']],
    [[]],
  ])('%j → none', (argv) => {
    expect(auditThreadHintFor(argv)).toBeNull();
  });
});
