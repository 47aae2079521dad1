// A one-line text input with validation on Enter: the error shows under the field and
// the value stays for correction. Secret input shows * for each character.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../keys.js';
import { useOnce, useRefState } from '../hooks.js';
import { truncate, truncateStart } from '../text.js';

export function TextInput({
  initial = '',
  secret = false,
  validate,
  onSubmit,
  width = 78,
  isActive = true,
}: {
  initial?: string;
  secret?: boolean;
  /** Returns an error message, or undefined when the value is acceptable. */
  validate?: (value: string) => string | undefined;
  onSubmit: (value: string) => void;
  width?: number;
  isActive?: boolean;
}) {
  const [value, setValue, valueRef] = useRefState(initial);
  const once = useOnce();
  const [error, setError] = useState<string | undefined>();
  useKeys(
    (input, key) => {
      if (key.return) {
        const problem = validate?.(valueRef.current);
        setError(problem);
        if (problem === undefined) once(() => onSubmit(valueRef.current));
      } else if (key.backspace || key.delete) {
        setValue((v) => [...v].slice(0, -1).join(''));
      } else if (key.ctrl && input === 'u') {
        setValue('');
      } else if (!key.ctrl && !key.meta && !key.escape && !key.tab && !key.upArrow && !key.downArrow && input) {
        // Pasted text arrives whole; line breaks and control characters are not part of an answer.
        // eslint-disable-next-line no-control-regex
        const clean = input.replace(/[\u0000-\u001F\u007F]/g, '');
        if (clean) setValue((v) => v + clean);
      }
    },
    { isActive },
  );
  const shown = secret ? '*'.repeat([...value].length) : value;
  // Keep the end (where the cursor is) visible when the value is longer than the field.
  const visible = truncateStart(shown, width - 4);
  return (
    <Box flexDirection="column">
      <Text>
        <Text color="cyan">{'> '}</Text>
        <Text>{visible}</Text>
        <Text>█</Text>
      </Text>
      {error ? (
        <Text color="red" wrap="wrap">
          {truncate(`✗ ${error}`, width * 2)}
        </Text>
      ) : null}
    </Box>
  );
}
