import * as z from 'zod';

/**
 * A condition on answers, written as data in wizard definitions.
 * Leaf form `{q: ID, ...test}` tests one answer; exactly one test per leaf:
 *   eq / ne      the answer equals / differs from a value
 *   in           the answer is one of the values
 *   version      the answer, read as a vendor version, satisfies a range (src/versions syntax, e.g. "<5.5", ">=R12.8");
 *                an operand may be another answer, "{ID}" (">={to}": not an upgrade); false while it is unanswered
 *   has          a list answer (e.g. daemons) contains the value
 *   set          the answer is present and non-empty (true) or absent/empty (false)
 *   count        the number of items of a list answer lies in a range of the src/versions syntax
 *                ("2", ">=2", "<2 || >2"); an unsplit "a,b" answer counts its comma-separated items
 * Combinators: all / any / not.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { q: string; eq?: string; ne?: string; in?: string[]; version?: string; has?: string; set?: boolean; count?: string };

const Leaf = z
  .object({
    q: z.string().min(1),
    eq: z.string().optional(),
    ne: z.string().optional(),
    in: z.array(z.string()).min(1).optional(),
    version: z.string().min(1).optional(),
    has: z.string().optional(),
    set: z.boolean().optional(),
    count: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (leaf) => ['eq', 'ne', 'in', 'version', 'has', 'set', 'count'].filter((k) => k in leaf).length === 1,
    { message: 'a condition on an answer needs exactly one of eq, ne, in, version, has, set, count' },
  );

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    Leaf,
  ]),
);
