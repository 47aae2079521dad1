// The prompts of @inquirer/prompts the terminal driver uses, named so that the bundle keeps
// these three and not the package's editor and the rest (imported lazily, as one chunk).
export { checkbox, confirm, select } from '@inquirer/prompts';
