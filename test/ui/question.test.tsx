import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/model/definition.js';
import { QuestionScreen, type AnswerValue } from '../../src/ui/screens/Question.js';
import { KEY, press, renderAt80x24, waitForFrame } from './helpers.js';

const text = (en: string) => ({ en, ja: en });

function screen(question: Question, over: Partial<Parameters<typeof QuestionScreen>[0]> = {}) {
  const onAnswer = vi.fn<(v: AnswerValue) => void>();
  const r = renderAt80x24(
    <QuestionScreen
      product="ShareTask 5.5"
      question={question}
      number={2}
      total={5}
      validate={() => undefined}
      onAnswer={onAnswer}
      {...over}
    />,
  );
  return { r, onAnswer };
}

describe('question screen', () => {
  it('pre-selects a detected choice and marks it with its evidence', async () => {
    const { r, onAnswer } = screen(
      {
        id: 'platform',
        type: 'choice',
        text: text('Which platform?'),
        choices: [
          { value: 'x86', label: text('IA-32') },
          { value: 'x86_64', label: text('x86_64') },
        ],
      },
      { detected: { question: 'platform', value: 'x86_64', evidence: 'uname -m: x86_64' } },
    );
    const frame = await waitForFrame(r, 'Which platform?');
    expect(frame).toContain('› x86_64  detected');
    expect(frame).toContain('detected: uname -m: x86_64');
    expect(frame).toContain('question 2 of 5');
    await press(r, KEY.enter);
    expect(onAnswer).toHaveBeenCalledWith('x86_64');
  });

  it('shortens a long product title in the header, not the screen name or the count', async () => {
    const { r } = screen(
      { id: 'from', type: 'version', text: text('Installed version?') },
      { product: 'Groupmax master management server upgrade to Version 6', number: 1, total: 6 },
    );
    const frame = await waitForFrame(r, 'Installed version?');
    expect(frame.split('\n')[0]).toBe('Groupmax master management server upgrade to Versio…: questions question 1 of 6');
  });

  it('shows the validation error inline and keeps the value for correction', async () => {
    const validate = (v: AnswerValue) => (/^5\.\d+\.\d+-\d+$/.test(String(v)) ? undefined : `"${String(v)}" is not a version like 5.4.2-1`);
    const { r, onAnswer } = screen(
      { id: 'version', type: 'version', text: text('Installed version?') },
      { validate, detected: { question: 'version', value: '5.4', evidence: 'conf/version: 5.4' } },
    );
    let frame = await waitForFrame(r, 'Installed version?');
    expect(frame).toContain('> 5.4█');
    expect(frame).toContain('detected: conf/version: 5.4');
    await press(r, KEY.enter);
    frame = await waitForFrame(r, 'is not a version');
    expect(frame).toContain('✗ "5.4" is not a version like 5.4.2-1');
    expect(onAnswer).not.toHaveBeenCalled();
    await press(r, '.2-1', KEY.enter);
    expect(onAnswer).toHaveBeenCalledWith('5.4.2-1');
  });

  it('multi-select: Space toggles, Enter gives the ticked values', async () => {
    const { r, onAnswer } = screen(
      {
        id: 'daemons',
        type: 'multi',
        text: text('Which daemons are used?'),
        choices: [
          { value: 'sharetaskd', label: text('sharetaskd') },
          { value: 'stlogd', label: text('stlogd') },
        ],
      },
      { detected: { question: 'daemons', value: ['sharetaskd'], evidence: '/etc/init.d/sharetaskd exists' } },
    );
    let frame = await waitForFrame(r, 'Which daemons');
    expect(frame).toContain('› [x] sharetaskd  detected');
    expect(frame).toContain('[ ] stlogd');
    await press(r, KEY.down, KEY.space);
    frame = await waitForFrame(r, '[x] stlogd');
    await press(r, KEY.enter);
    expect(onAnswer).toHaveBeenCalledWith(['sharetaskd', 'stlogd']);
  });

  it('yes/no answers yes or no, and Esc goes back', async () => {
    const onBack = vi.fn();
    const { r, onAnswer } = screen({ id: 'custom', type: 'yesno', text: text('Is there a custom part?') }, { onBack });
    await waitForFrame(r, '› No');
    await press(r, 'y');
    await waitForFrame(r, '› Yes');
    await press(r, KEY.escape);
    expect(onBack).toHaveBeenCalled();
    await press(r, KEY.enter);
    expect(onAnswer).toHaveBeenCalledWith('yes');
  });

  it('secret input shows stars, never the value', async () => {
    const { r, onAnswer } = screen({ id: 'dbpass', type: 'text', secret: true, text: text('Database password?') });
    await waitForFrame(r, 'Database password?');
    await press(r, 'hunter2');
    const frame = await waitForFrame(r, '*******');
    expect(frame).not.toContain('hunter2');
    await press(r, KEY.enter);
    expect(onAnswer).toHaveBeenCalledWith('hunter2');
  });
});
