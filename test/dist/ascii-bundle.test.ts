// expectAscii (scripts/dist/bundle.mjs): a bundle with a character beyond ASCII stops the build,
// naming the file and line, since V8 would hold that whole script at two bytes a character.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { expectAscii } from '../../scripts/dist/bundle.mjs';

const check = expectAscii as (code: string, file: string) => void;

describe('expectAscii', () => {
  it('stops on a regular expression esbuild left with Japanese in it, naming file and line', () => {
    expect(() => check('const a=1;\nconst r=/^#\\s*(\\S+) の回答/m;', 'lib/app/chunk-X.js')).toThrow(
      /^lib\/app\/chunk-X\.js: line 2 holds a character beyond ASCII \("\.\.\.const r=\/\^#\\s\*\(\\S\+\) の回答\/m;\.\.\."\): write it as a \\u escape/,
    );
  });

  it('passes the same text written with \\u escapes', () => {
    expect(() => check('const a=1;\nconst r=/^#\\s*(\\S+) \\u306e\\u56de\\u7b54/m;', 'lib/app/chunk-X.js')).not.toThrow();
  });
});
