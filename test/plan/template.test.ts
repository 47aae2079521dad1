import { describe, expect, it } from 'vitest';
import { placeholders, resolveTemplate, TemplateError, type TemplateContext } from '../../src/plan/template.js';

const ctx: TemplateContext = {
  root: '/sandbox',
  answers: { to: '5.5.1-2', install_dir: '/opt/sharetask', daemons: ['sharetaskd', 'stlogd'] },
  mediaFiles: { server: { path: '/cd/sharetask_server-5.5.1-2.tar.gz', name: 'sharetask_server-5.5.1-2.tar.gz', groups: { version: '5.5.1-2' } } },
  vars: { home: '{root}/home/sharetask', server: '{var:home}/sharetask_server' },
};

describe('resolveTemplate', () => {
  it('fills root, answers, media, media groups and vars (vars may use vars)', () => {
    expect(resolveTemplate('{root}{install_dir}', ctx)).toBe('/sandbox/opt/sharetask');
    expect(resolveTemplate('{media:server}', ctx)).toBe('/cd/sharetask_server-5.5.1-2.tar.gz');
    expect(resolveTemplate('v{media:server:version}', ctx)).toBe('v5.5.1-2');
    expect(resolveTemplate('{var:server}-{to}', ctx)).toBe('/sandbox/home/sharetask/sharetask_server-5.5.1-2');
  });

  it('keeps Windows paths and literal braces', () => {
    expect(resolveTemplate('C:\\sharetask-{to}\\bin_win;C:\\PSTools;', ctx)).toBe('C:\\sharetask-5.5.1-2\\bin_win;C:\\PSTools;');
    expect(resolveTemplate('License_{{USERID}}.tar.gz', ctx)).toBe('License_{USERID}.tar.gz');
  });

  it('refuses what it cannot fill, naming the placeholder', () => {
    const fail = (template: string): TemplateError => {
      try {
        resolveTemplate(template, ctx);
      } catch (error) {
        return error as TemplateError;
      }
      throw new Error(`no error for ${template}`);
    };
    expect(fail('{custom_uid}')).toMatchObject({ placeholder: '{custom_uid}', reason: 'unanswered' });
    expect(fail('{var:nope}')).toMatchObject({ placeholder: '{var:nope}', reason: 'unknown' });
    expect(fail('{Not A Placeholder}')).toMatchObject({ reason: 'unknown' });
    // A list has no single spelling in a path or an argv...
    expect(fail('{daemons}')).toMatchObject({ reason: 'list' });
    // ...but texts for people may join it.
    expect(resolveTemplate('{daemons}', { ...ctx, listSeparator: ', ' })).toBe('sharetaskd, stlogd');
  });

  it('shows a package missing from the media as a marker, never as a path', () => {
    expect(resolveTemplate('{media:custom}', ctx)).toBe('<media:custom>');
  });

  it('stops a loop of vars', () => {
    expect(() => resolveTemplate('{var:a}', { ...ctx, vars: { a: '{var:b}', b: '{var:a}' } })).toThrow(TemplateError);
  });
});

describe('placeholders', () => {
  it('lists every placeholder with its kind, and a lone brace as bad', () => {
    expect(placeholders('{root}/x/{to}/{media:server:version}/{var:home}').map((p) => p.kind)).toEqual(['root', 'answer', 'media', 'var']);
    expect(placeholders('a { b').map((p) => p.kind)).toEqual(['bad']);
    expect(placeholders('{{literal}}')).toEqual([]);
  });
});
