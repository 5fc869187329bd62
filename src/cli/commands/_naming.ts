/** `--mesh` and `--spec-name`: names for AWS input that carries none (docs/cli.md, "Naming spec-only files"). */

import type { NamingOptions, SpecName } from '../../model/load/spec-names.js';
import { parseSpecName } from '../../model/load/spec-names.js';
import { listOption, stringOption, type OptionSpec, type ParsedArgs } from '../args.js';

export const NAMING_OPTIONS: OptionSpec[] = [
  { name: 'mesh', value: true },
  { name: 'spec-name', value: true, multiple: true },
];

export const NAMING_HELP = `  --mesh MESH          mesh of AWS documents without meshName (spec-only files, update-route input)
  --spec-name FILE=Kind/name
                       what a spec-only file is (FILE=Route/router/name for a route); repeatable`;

export function namingOptions(args: ParsedArgs): NamingOptions {
  const specNames: Record<string, SpecName> = {};
  for (const text of listOption(args, 'spec-name')) {
    const { file, spec } = parseSpecName(text);
    specNames[file] = spec;
  }
  const mesh = stringOption(args, 'mesh');
  return { ...(mesh !== undefined ? { mesh } : {}), specNames };
}
