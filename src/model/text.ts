import * as z from 'zod';

/** A text shown to the user, in both languages the tool speaks. */
export const TextSchema = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof TextSchema>;
