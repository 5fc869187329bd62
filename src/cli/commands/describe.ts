/** `meshroute describe <paths...> [--json]` — the resolved topology (docs/cli.md). */

import { InputError } from '../../errors.js';
import { loadFiles } from '../../model/load-model.js';
import type { MeshModel, Resource } from '../../model/types.js';
import { summarizeDiscovery, summarizeGatewayMatch, summarizeRewrite, summarizeRouteMatch } from '../../model/summary.js';
import { flag, parseArgs, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { renderDiagnostic } from '../render-diagnostics.js';
import { inputDiagnostic, requirePaths } from './_shared.js';

export const DESCRIBE_HELP = `Usage: meshroute describe <paths...> [--json] [--strict]

Prints the topology the resources describe, references resolved as the App Mesh controller does:
meshes; virtual gateways with listeners and their gateway routes (priority, match, target,
rewrite); virtual services and providers; virtual routers with routes and weighted targets;
virtual nodes with service discovery. Errors are listed first; resources with errors are left out.

Options:
  --json     print the normalized model (docs/cli.md)
  --strict   non-canonical shapes from popular articles are errors
  --help     this text

Exit status: 0 valid, 1 invalid input, 2 usage error.`;

const OPTIONS: OptionSpec[] = [{ name: 'json' }, { name: 'strict' }, { name: 'help', short: 'h' }];

export function describeCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(DESCRIBE_HELP + '\n');
    return EXIT_OK;
  }
  const paths = requirePaths(args.positionals, 'describe');
  let result;
  try {
    result = loadFiles(paths, { strict: flag(args, 'strict') }, io.readStdin);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.err(renderDiagnostic(inputDiagnostic(err)) + '\n');
    return EXIT_FINDINGS;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (flag(args, 'json')) {
    io.out(JSON.stringify({ valid: result.valid, model: result.model, diagnostics: result.diagnostics }, null, 2) + '\n');
  } else {
    for (const d of errors) io.err(renderDiagnostic(d) + '\n');
    io.out(renderTopology(result.model));
  }
  return result.valid ? EXIT_OK : EXIT_FINDINGS;
}

function who(r: Resource): string {
  return r.dialect === 'k8s' && r.namespace ? `${r.name}  (k8s ${r.namespace}/${r.displayName})` : r.name;
}

export function renderTopology(model: MeshModel): string {
  const lines: string[] = [];
  const meshNames = [...new Set([...model.meshes.map((m) => m.name), ...allResources(model).map((r) => r.meshName)])].sort();
  for (const meshName of meshNames) {
    const mesh = model.meshes.find((m) => m.name === meshName);
    const members = model.namespaces.filter((ns) => mesh?.namespaceSelector && allResources(model).some((r) => r.meshName === meshName && r.namespace === ns.name));
    lines.push(`Mesh ${meshName}${mesh ? `  egress ${mesh.egressFilter}` : '  (not in the input)'}${members.length ? `  namespaces: ${members.map((n) => n.name).join(', ')}` : ''}`);
    for (const gw of model.virtualGateways.filter((g) => g.meshName === meshName)) {
      lines.push(`  VirtualGateway ${who(gw)}`);
      lines.push(`    listeners: ${gw.listeners.map((l) => `${l.portMapping.port}/${l.portMapping.protocol}`).join(', ') || 'none'}`);
      const routes = model.gatewayRoutes.filter((r) => r.meshName === meshName && r.virtualGatewayName === gw.name);
      if (routes.length === 0) lines.push('    (no gateway routes: every request gets 404)');
      for (const gr of routes) {
        const targets = gr.spec.action.targets.map((t) => `${t.virtualServiceName}${t.port !== null ? `:${t.port}` : ''}${gr.spec.action.weighted ? ` (weight ${t.weight})` : ''}`).join(', ');
        lines.push(`    GatewayRoute ${gr.displayName}  ${gr.spec.type}  priority ${gr.spec.priority ?? 'unset'}`);
        lines.push(`      match:   ${summarizeGatewayMatch(gr)}`);
        lines.push(`      target:  ${targets}`);
        lines.push(`      rewrite: ${summarizeRewrite(gr)}`);
      }
    }
    for (const vs of model.virtualServices.filter((s) => s.meshName === meshName)) {
      const provider = vs.provider === null ? 'no provider (routes no traffic)' : 'virtualNode' in vs.provider ? `node ${vs.provider.virtualNode}` : `router ${vs.provider.virtualRouter}`;
      lines.push(`  VirtualService ${who(vs)}  → ${provider}`);
    }
    for (const vr of model.virtualRouters.filter((v) => v.meshName === meshName)) {
      lines.push(`  VirtualRouter ${who(vr)}  listeners: ${vr.listeners.map((l) => `${l.port}/${l.protocol}`).join(', ')}`);
      const routes = model.routes.filter((r) => r.meshName === meshName && r.virtualRouterName === vr.name);
      if (routes.length === 0) lines.push('    (no routes: every request gets 404)');
      for (const r of routes) {
        const total = r.spec.weightedTargets.reduce((a, t) => a + t.weight, 0);
        const targets = r.spec.weightedTargets
          .map((t) => `${t.virtualNodeName}${t.port !== null ? `:${t.port}` : ''} ${total ? Math.round((t.weight / total) * 1000) / 10 : 0}%`)
          .join(', ');
        lines.push(`    Route ${r.displayName}  ${r.spec.type}  priority ${r.spec.priority ?? 'unset'}`);
        lines.push(`      match:   ${summarizeRouteMatch(r)}`);
        lines.push(`      targets: ${targets}`);
      }
    }
    for (const vn of model.virtualNodes.filter((n) => n.meshName === meshName)) {
      lines.push(`  VirtualNode ${who(vn)}`);
      lines.push(`    listeners: ${vn.listeners.map((l) => `${l.portMapping.port}/${l.portMapping.protocol}`).join(', ') || 'none'}; ${summarizeDiscovery(vn.serviceDiscovery)}`);
      if (vn.backends.length) lines.push(`    backends: ${vn.backends.join(', ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

function allResources(model: MeshModel): Resource[] {
  return [...model.virtualGateways, ...model.gatewayRoutes, ...model.virtualServices, ...model.virtualRouters, ...model.routes, ...model.virtualNodes];
}
