/**
 * Every validation rule, table-driven: for each code a minimal invalid case (asserting code,
 * severity, JSON pointer and line) and a neighbouring valid case that must not produce it.
 * Dialect matters: the Kubernetes admission webhook is stricter than the App Mesh API (and keeps
 * its quirks), so rows say which dialect they load.
 *
 * A K8s case is a YAML document loaded as `case.yaml` next to fixtures/scaffold-k8s.yaml; an AWS
 * case is JSON loaded as `case.json` next to fixtures/scaffold-aws.json. The expected line is the
 * line holding `# <-` (YAML) or the first line holding `mark`.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadOptions } from '../../src/model/load-model.js';
import { fixture, fmt, indent, lineOf, load, repro, y, type Source } from './helpers.js';

type Dialect = 'k8s' | 'aws';

interface Row {
  /** Extra words for the test name. */
  title?: string;
  code: string;
  severity: 'error' | 'warning';
  dialect: Dialect;
  /** The case file: YAML (k8s) or a JSON value (aws). */
  invalid: string | unknown;
  path: string;
  /** Substring on the expected line (default: `# <-` in YAML). null: no line check. */
  mark?: string | null;
  /** A neighbouring case that must not produce `code` (null: see `why`). */
  valid: string | unknown | null;
  /** The neighbour is not required to be valid overall (it pins a dialect/quirk difference only). */
  neighbourMayHaveErrors?: boolean;
  /** Replaces the default scaffold (null: no scaffold). */
  scaffold?: string | null;
  options?: LoadOptions;
}

const SCAFFOLD: Record<Dialect, Source> = {
  k8s: { file: 'scaffold.yaml', text: fixture('scaffold-k8s.yaml') },
  aws: { file: 'scaffold.json', text: fixture('scaffold-aws.json') },
};

function sourcesOf(row: Row, caseValue: string | unknown): Source[] {
  const text = typeof caseValue === 'string' ? caseValue : JSON.stringify(caseValue, null, 2) + '\n';
  const file = row.dialect === 'k8s' ? 'case.yaml' : 'case.json';
  const out: Source[] = [];
  if (row.scaffold === undefined) out.push(SCAFFOLD[row.dialect]);
  else if (row.scaffold !== null) out.push({ file: row.dialect === 'k8s' ? 'scaffold.yaml' : 'scaffold.json', text: row.scaffold });
  out.push({ file, text });
  return out;
}

// ---- legacy v1beta1 builders -------------------------------------------------------------------

const V1BETA1_SCAFFOLD = y(`
  apiVersion: appmesh.k8s.aws/v1beta1
  kind: Mesh
  metadata: { name: legacy }
  ---
  apiVersion: appmesh.k8s.aws/v1beta1
  kind: VirtualNode
  metadata: { name: a, namespace: app }
  spec:
    meshName: legacy
    listeners:
      - portMapping: { port: 8080, protocol: http }
    serviceDiscovery:
      dns: { hostName: a.app.svc.cluster.local }
`);

function v1beta1Node(spec: string): string {
  return `apiVersion: appmesh.k8s.aws/v1beta1\nkind: VirtualNode\nmetadata: { name: nd, namespace: app }\nspec:\n  meshName: legacy\n${spec}`;
}

/** A legacy VirtualService with `routes` lines; its router has a listener unless `listener` is null. */
function v1beta1Service(routes: string, listener: string | null = '{ port: 8080, protocol: http }'): string {
  const router = listener === null ? '' : `  virtualRouter:\n    listeners:\n      - portMapping: ${listener}\n`;
  return `apiVersion: appmesh.k8s.aws/v1beta1\nkind: VirtualService\nmetadata: { name: s.app.svc.cluster.local, namespace: app }\nspec:\n  meshName: legacy\n${router}  routes:\n${routes}`;
}

// ---- K8s builders ------------------------------------------------------------------------------

const TARGET = y(`
  target:
    virtualService:
      virtualServiceRef:
        name: svc
`);

/** A K8s GatewayRoute `gr` in namespace app with the given spec (YAML, spec-relative). */
function k8sGR(spec: string, meta = ''): string {
  return y(`
    apiVersion: appmesh.k8s.aws/v1beta2
    kind: GatewayRoute
    metadata:
      name: gr
      namespace: app
  `) + (meta ? indent(meta, 2) + '\n' : '') + 'spec:\n' + indent(spec, 2) + '\n';
}

/** An httpRoute with `match` (YAML body of match) and optional action extras (e.g. rewrite). */
function http(match: string, actionExtra = '', type = 'httpRoute', target = TARGET): string {
  return `${type}:\n  match:\n${indent(match, 4)}\n  action:\n${indent(target, 4)}\n${actionExtra ? indent(actionExtra, 4) + '\n' : ''}`;
}

/** An httpRoute whose `target` block is given (YAML, target-relative lines appended to the default or replacing it). */
function httpTarget(match: string, target: string, actionExtra = ''): string {
  return http(match, actionExtra, 'httpRoute', target);
}

function grpc(match: string, actionExtra = ''): string {
  return http(match, actionExtra, 'grpcRoute');
}

/** A K8s VirtualRouter `rt` (one http listener on 9080 unless given) with `routes` (YAML list body). */
function k8sVR(routes: string, listeners = '- portMapping: {port: 9080, protocol: http}'): string {
  return y(`
    apiVersion: appmesh.k8s.aws/v1beta2
    kind: VirtualRouter
    metadata:
      name: rt
      namespace: app
    spec:
      listeners:
  `) + indent(listeners, 4) + '\n  routes:\n' + indent(routes, 4) + '\n';
}

/** One route entry: `- name: r1` + httpRoute with `match` and targets to `node`. */
function k8sRoute(match: string, opts: { name?: string; type?: string; targets?: string; extra?: string } = {}): string {
  const targets = opts.targets ?? '- virtualNodeRef: {name: node}\n  weight: 1';
  return `- name: ${opts.name ?? 'r1'}\n  ${opts.type ?? 'httpRoute'}:\n    match:\n${indent(match, 6)}\n    action:\n      weightedTargets:\n${indent(targets, 8)}\n${opts.extra ? indent(opts.extra, 4) + '\n' : ''}`;
}

// ---- AWS builders ------------------------------------------------------------------------------

const AWS_TARGET = { virtualService: { virtualServiceName: 'svc.local' } };

function awsGR(spec: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { meshName: 'm', virtualGatewayName: 'gw', gatewayRouteName: 'gr', ...over, spec };
}

function awsHttp(match: Record<string, unknown>, action: Record<string, unknown> = {}): Record<string, unknown> {
  return { httpRoute: { match, action: { target: AWS_TARGET, ...action } } };
}

function awsRoute(spec: Record<string, unknown>): Record<string, unknown> {
  return { meshName: 'm', virtualRouterName: 'rt', routeName: 'r1', spec };
}

function awsHttpRoute(match: Record<string, unknown>, targets: unknown[] = [{ virtualNode: 'node', weight: 1 }]): Record<string, unknown> {
  return { httpRoute: { match, action: { weightedTargets: targets } } };
}

// ---- the table ---------------------------------------------------------------------------------

const ns = (name: string, labels: string) => y(`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: ${name}
    labels: ${labels}
`);

const rows: Row[] = [
  // ---------------- gateway route: type and match ----------------
  {
    code: 'GR_ROUTE_TYPE', severity: 'error', dialect: 'k8s', title: 'two route types',
    invalid: k8sGR(http('prefix: /') + grpc('serviceName: a.B')).replace('spec:\n', 'spec: # <-\n'),
    path: '/spec',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'GR_ROUTE_TYPE', severity: 'error', dialect: 'k8s', title: 'no route type',
    invalid: k8sGR('priority: 1').replace('spec:\n', 'spec: # <-\n'),
    path: '/spec',
    valid: k8sGR('priority: 1\n' + http('prefix: /')),
  },
  {
    code: 'GR_ROUTE_TYPE', severity: 'error', dialect: 'aws', title: 'two route types',
    invalid: awsGR({ ...awsHttp({ prefix: '/' }), http2Route: awsHttp({ prefix: '/' }).httpRoute }),
    path: '/spec', mark: '"spec"',
    valid: awsGR(awsHttp({ prefix: '/' })),
  },
  {
    code: 'GR_MATCH_REQUIRED', severity: 'error', dialect: 'k8s', title: 'port-only match (webhook)',
    invalid: k8sGR(http('port: 8080')).replace('  match:\n', '  match: # <-\n'),
    path: '/spec/httpRoute/match',
    valid: k8sGR(http('port: 8080\nhostname: {exact: www.example.com}')),
  },
  {
    code: 'GR_PREFIX_AND_PATH', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /a\npath: {exact: /a}')).replace('  match:\n', '  match: # <-\n'),
    path: '/spec/httpRoute/match',
    valid: k8sGR(http('path: {exact: /a}')),
  },
  {
    code: 'GR_PREFIX_AND_PATH', severity: 'warning', dialect: 'aws', title: 'API: undocumented, a warning',
    invalid: awsGR(awsHttp({ prefix: '/a', path: { exact: '/a' } })),
    path: '/spec/httpRoute/match', mark: '"match"',
    valid: awsGR(awsHttp({ prefix: '/a' })),
  },
  {
    code: 'PREFIX_SLASH', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: api # <-')),
    path: '/spec/httpRoute/match/prefix',
    valid: k8sGR(http('prefix: /api')),
  },
  {
    code: 'PREFIX_SLASH', severity: 'error', dialect: 'aws',
    invalid: awsGR(awsHttp({ prefix: 'api' })),
    path: '/spec/httpRoute/match/prefix', mark: '"prefix"',
    valid: awsGR(awsHttp({ prefix: '/api' })),
  },
  {
    code: 'GR_PREFIX_RESERVED', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /aws-appmesh/x # <-')),
    path: '/spec/httpRoute/match/prefix',
    valid: k8sGR(http('prefix: /aws/appmesh')),
  },
  {
    code: 'GR_PREFIX_RESERVED', severity: 'error', dialect: 'aws', title: '/aws-app-mesh',
    invalid: awsGR(awsHttp({ prefix: '/aws-app-mesh' })),
    path: '/spec/httpRoute/match/prefix', mark: '"prefix"',
    valid: awsGR(awsHttp({ prefix: '/aws-apps' })),
  },
  {
    code: 'PATH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'exact and regex',
    invalid: k8sGR(http('path: {exact: /a, regex: /a.*} # <-')),
    path: '/spec/httpRoute/match/path',
    valid: k8sGR(http('path: {regex: /a.*}')),
  },
  {
    code: 'PATH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'empty path',
    invalid: k8sGR(http('path: {} # <-')),
    path: '/spec/httpRoute/match/path',
    valid: k8sGR(http('path: {exact: /a}')),
  },
  {
    code: 'PATH_EXACT_SLASH', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('path:\n  exact: a/b # <-')),
    path: '/spec/httpRoute/match/path/exact',
    valid: k8sGR(http('path:\n  exact: /a/b')),
  },
  {
    code: 'GR_HOSTNAME_ONE_OF', severity: 'error', dialect: 'k8s', title: 'exact and suffix',
    invalid: k8sGR(http('hostname: {exact: a.example.com, suffix: .example.com} # <-')),
    path: '/spec/httpRoute/match/hostname',
    valid: k8sGR(http('hostname: {suffix: .example.com}')),
  },
  {
    code: 'GR_HOSTNAME_ONE_OF', severity: 'error', dialect: 'k8s', title: 'empty hostname',
    invalid: k8sGR(http('prefix: /\nhostname: {} # <-')),
    path: '/spec/httpRoute/match/hostname',
    valid: k8sGR(http('prefix: /\nhostname: {exact: a.example.com}')),
  },
  {
    code: 'GR_HOSTNAME_ONE_OF', severity: 'warning', dialect: 'aws', title: 'API: exact and suffix is a warning',
    invalid: awsGR(awsHttp({ prefix: '/', hostname: { exact: 'a.example.com', suffix: '.example.com' } })),
    path: '/spec/httpRoute/match/hostname', mark: '"hostname"',
    valid: awsGR(awsHttp({ prefix: '/', hostname: { exact: 'a.example.com' } })),
  },
  {
    code: 'GR_HOSTNAME_SUFFIX_FORM', severity: 'warning', dialect: 'k8s', title: 'suffix written *.example.com',
    invalid: k8sGR(http('prefix: /\nhostname:\n  suffix: "*.example.com" # <-')),
    path: '/spec/httpRoute/match/hostname/suffix',
    valid: k8sGR(http('prefix: /\nhostname:\n  suffix: .example.com')),
  },
  {
    code: 'GR_HOSTNAME_SUFFIX_FORM', severity: 'warning', dialect: 'aws', title: 'suffix without a leading dot',
    invalid: awsGR(awsHttp({ prefix: '/', hostname: { suffix: 'example.com' } })),
    path: '/spec/httpRoute/match/hostname/suffix', mark: '"suffix"',
    valid: awsGR(awsHttp({ prefix: '/', hostname: { suffix: '.example.com' } })),
  },
  {
    code: 'NAME_NOT_ASCII', severity: 'warning', dialect: 'k8s', title: 'gateway route header name',
    invalid: k8sGR(http('prefix: /\nheaders:\n  - name: X-Ümlaut # <-')),
    path: '/spec/httpRoute/match/headers/0/name',
    valid: k8sGR(http('prefix: /\nheaders:\n  - name: X-Umlaut')),
  },
  {
    code: 'NAME_NOT_ASCII', severity: 'warning', dialect: 'k8s', title: 'hostname',
    invalid: k8sGR(http('prefix: /\nhostname:\n  exact: İstanbul.example.com # <-')),
    path: '/spec/httpRoute/match/hostname/exact',
    valid: k8sGR(http('prefix: /\nhostname:\n  exact: xn--stanbul-cub.example.com')),
  },
  {
    code: 'NAME_NOT_ASCII', severity: 'warning', dialect: 'aws', title: 'route gRPC metadata name',
    invalid: awsRoute({ grpcRoute: { match: { serviceName: 's', metadata: [{ name: 'x-İd' }] }, action: { weightedTargets: [{ virtualNode: 'node', weight: 1 }] } } }),
    path: '/spec/grpcRoute/match/metadata/0/name', mark: '"x-İd"',
    valid: awsRoute({ grpcRoute: { match: { serviceName: 's', metadata: [{ name: 'x-id' }] }, action: { weightedTargets: [{ virtualNode: 'node', weight: 1 }] } } }),
    neighbourMayHaveErrors: true,
  },
  {
    code: 'HEADER_MATCH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'empty match block',
    invalid: k8sGR(http('prefix: /\nheaders:\n  - name: x\n    match: {} # <-')),
    path: '/spec/httpRoute/match/headers/0/match',
    valid: k8sGR(http('prefix: /\nheaders:\n  - name: x')),
  },
  {
    code: 'HEADER_MATCH_ONE_OF', severity: 'error', dialect: 'aws', title: 'two methods',
    invalid: awsGR(awsHttp({ prefix: '/', headers: [{ name: 'x', match: { exact: 'a', prefix: 'a' } }] })),
    path: '/spec/httpRoute/match/headers/0/match', mark: '"headers">>"match"',
    valid: awsGR(awsHttp({ prefix: '/', headers: [{ name: 'x', match: { prefix: 'a' } }] })),
  },
  {
    code: 'RANGE_ORDER', severity: 'error', dialect: 'k8s', title: 'start == end',
    invalid: k8sGR(http('prefix: /\nheaders:\n  - name: x\n    match:\n      range: {start: 5, end: 5} # <-')),
    path: '/spec/httpRoute/match/headers/0/match/range',
    valid: k8sGR(http('prefix: /\nheaders:\n  - name: x\n    match:\n      range: {start: 5, end: 6}')),
  },
  {
    code: 'RANGE_EMPTY', severity: 'warning', dialect: 'aws', title: 'API only requires both bounds',
    invalid: awsGR(awsHttp({ prefix: '/', headers: [{ name: 'x', match: { range: { start: 9, end: 1 } } }] })),
    path: '/spec/httpRoute/match/headers/0/match/range', mark: '"range"',
    valid: awsGR(awsHttp({ prefix: '/', headers: [{ name: 'x', match: { range: { start: 1, end: 9 } } }] })),
  },
  {
    code: 'RANGE_EMPTY', severity: 'warning', dialect: 'k8s', title: 'webhook quirk: headers after the first range are not range-checked',
    invalid: k8sGR(http('prefix: /\nheaders:\n  - name: a\n    match: {range: {start: 1, end: 2}}\n  - name: b\n    match: {range: {start: 7, end: 3}} # <-')),
    path: '/spec/httpRoute/match/headers/1/match/range',
    valid: k8sGR(http('prefix: /\nheaders:\n  - name: a\n    match: {range: {start: 1, end: 2}}\n  - name: b\n    match: {range: {start: 3, end: 7}}')),
  },
  {
    code: 'RANGE_UNSAFE_INTEGER', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /\nheaders:\n  - name: x\n    match:\n      range: {start: 0, end: 9007199254740993} # <-')),
    path: '/spec/httpRoute/match/headers/0/match/range',
    valid: k8sGR(http('prefix: /\nheaders:\n  - name: x\n    match:\n      range: {start: 0, end: 9007199254740991}')),
  },
  {
    code: 'QUERY_MATCH_EXACT_REQUIRED', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /\nqueryParameters:\n  - name: q\n    match: {} # <-')),
    path: '/spec/httpRoute/match/queryParameters/0/match',
    valid: k8sGR(http('prefix: /\nqueryParameters:\n  - name: q\n    match: {exact: "1"}')),
  },
  {
    code: 'GR_GRPC_MATCH_REQUIRED', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(grpc('metadata:\n  - name: device')).replace('  match:\n', '  match: # <-\n'),
    path: '/spec/grpcRoute/match',
    valid: k8sGR(grpc('hostname: {exact: g.example.com}')),
  },
  {
    code: 'GR_GRPC_SERVICE_RESERVED', severity: 'error', dialect: 'k8s', title: 'aws.app-mesh prefix',
    invalid: k8sGR(grpc('serviceName: aws.app-mesh.Admin # <-')),
    path: '/spec/grpcRoute/match/serviceName',
    valid: k8sGR(grpc('serviceName: aws.appmesh.Admin')),
  },
  {
    code: 'GR_GRPC_SERVICE_RESERVED', severity: 'error', dialect: 'aws', title: 'aws.appmesh',
    invalid: awsGR({ grpcRoute: { match: { serviceName: 'aws.appmesh' }, action: { target: AWS_TARGET } } }),
    path: '/spec/grpcRoute/match/serviceName', mark: '"serviceName"',
    valid: awsGR({ grpcRoute: { match: { serviceName: 'aws.appmeshx' }, action: { target: AWS_TARGET } } }),
  },
  // ---------------- gateway route: rewrite ----------------
  {
    code: 'GR_REWRITE_EMPTY', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /a/', 'rewrite: {} # <-')),
    path: '/spec/httpRoute/action/rewrite',
    valid: k8sGR(http('prefix: /a/', 'rewrite: {hostname: {defaultTargetHostname: DISABLED}}')),
  },
  {
    code: 'GR_REWRITE_PREFIX_AND_PATH', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('path: {exact: /a}', 'rewrite: # <-\n  prefix: {defaultPrefix: DISABLED}\n  path: {exact: /b}')),
    path: '/spec/httpRoute/action/rewrite',
    valid: k8sGR(http('path: {exact: /a}', 'rewrite:\n  path: {exact: /b}')),
  },
  {
    code: 'GR_REWRITE_PREFIX_AND_PATH', severity: 'error', dialect: 'aws',
    invalid: awsGR(awsHttp({ prefix: '/a/' }, { rewrite: { prefix: { value: '/b/' }, path: { exact: '/b' } } })),
    path: '/spec/httpRoute/action/rewrite', mark: '"rewrite"',
    valid: awsGR(awsHttp({ prefix: '/a/' }, { rewrite: { prefix: { value: '/b/' } } })),
  },
  {
    code: 'GR_REWRITE_PREFIX_ONE_OF', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /a/', 'rewrite:\n  prefix: {defaultPrefix: ENABLED, value: /b/} # <-')),
    path: '/spec/httpRoute/action/rewrite/prefix',
    valid: k8sGR(http('prefix: /a/', 'rewrite:\n  prefix: {value: /b/}')),
  },
  {
    code: 'GR_REWRITE_VALUE_SLASHES', severity: 'error', dialect: 'k8s', title: 'value /red (no trailing slash)',
    invalid: k8sGR(http('prefix: /a/', 'rewrite:\n  prefix:\n    value: /red # <-')),
    path: '/spec/httpRoute/action/rewrite/prefix/value',
    valid: k8sGR(http('prefix: /a/', 'rewrite:\n  prefix:\n    value: /red/')),
  },
  {
    code: 'GR_REWRITE_VALUE_SLASHES', severity: 'warning', dialect: 'aws', title: 'API: a warning',
    invalid: awsGR(awsHttp({ prefix: '/a/' }, { rewrite: { prefix: { value: 'red/' } } })),
    path: '/spec/httpRoute/action/rewrite/prefix/value', mark: '"value"',
    valid: awsGR(awsHttp({ prefix: '/a/' }, { rewrite: { prefix: { value: '/red/' } } })),
  },
  {
    code: 'GR_REWRITE_PREFIX_WITHOUT_PREFIX_MATCH', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('hostname: {exact: a.example.com}', 'rewrite:\n  prefix: {defaultPrefix: DISABLED} # <-')),
    path: '/spec/httpRoute/action/rewrite/prefix',
    valid: k8sGR(http('hostname: {exact: a.example.com}', 'rewrite:\n  hostname: {defaultTargetHostname: DISABLED}')),
  },
  {
    code: 'GR_REWRITE_PREFIX_MATCH_SLASH', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: red/', 'rewrite:\n  prefix: {defaultPrefix: ENABLED} # <-')),
    path: '/spec/httpRoute/action/rewrite/prefix',
    valid: k8sGR(http('prefix: /red/', 'rewrite:\n  prefix: {defaultPrefix: ENABLED}')),
  },
  {
    code: 'GR_REWRITE_PREFIX_TRAILING_SLASH', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /api', 'rewrite:\n  prefix:\n    value: /v2/ # <-')),
    path: '/spec/httpRoute/action/rewrite/prefix/value',
    valid: k8sGR(http('prefix: /api/', 'rewrite:\n  prefix:\n    value: /v2/')),
  },
  {
    code: 'GR_REWRITE_PATH_SLASH', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('path: {exact: /a}', 'rewrite:\n  path:\n    exact: blue # <-')),
    path: '/spec/httpRoute/action/rewrite/path/exact',
    valid: k8sGR(http('path: {exact: /a}', 'rewrite:\n  path:\n    exact: /blue')),
  },
  {
    code: 'GR_REWRITE_PATH_WITH_PREFIX_MATCH', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /a/', 'rewrite:\n  path: {exact: /b} # <-')),
    path: '/spec/httpRoute/action/rewrite/path',
    valid: k8sGR(http('path: {regex: /a/.*}', 'rewrite:\n  path: {exact: /b}')),
  },
  // ---------------- gateway route: weightedTargets extension ----------------
  {
    code: 'EXT_GATEWAY_WEIGHTED_TARGETS', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets: # <-\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n'),
    path: '/spec/httpRoute/action/weightedTargets',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'EXT_GATEWAY_WEIGHTED_TARGETS', severity: 'error', dialect: 'k8s', title: '--strict',
    options: { strict: true },
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets: # <-\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n'),
    path: '/spec/httpRoute/action/weightedTargets',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'GR_WEIGHTED_TARGETS_COUNT', severity: 'error', dialect: 'k8s', title: '11 targets',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n' + Array.from({ length: 11 }, () => '      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n').join('')).replace('spec:\n', 'spec: # <-\n'),
    path: '/spec',
    valid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n' + Array.from({ length: 10 }, () => '      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n').join('')),
  },
  {
    code: 'GR_WEIGHTED_TARGET_REF', severity: 'error', dialect: 'k8s',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n      - weight: 1 # <-\n'),
    path: '/spec/httpRoute/action/weightedTargets/1',
    valid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n      - virtualServiceRef: {name: svc}\n        weight: 1\n'),
  },
  {
    code: 'WEIGHT_RANGE', severity: 'error', dialect: 'k8s',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 101 # <-\n'),
    path: '/spec/httpRoute/action/weightedTargets/0/weight',
    valid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 100\n'),
  },
  {
    code: 'WEIGHT_RANGE', severity: 'error', dialect: 'aws', title: 'fractional weight',
    invalid: awsGR({ httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualService: { virtualServiceName: 'svc.local' }, weight: 2.5 }] } } }),
    path: '/spec/httpRoute/action/weightedTargets/0/weight', mark: '"weight"',
    valid: awsGR({ httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualService: { virtualServiceName: 'svc.local' }, weight: 2 }] } } }),
  },
  {
    code: 'WEIGHTS_ZERO', severity: 'error', dialect: 'k8s', title: 'gateway route extension',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 0\n').replace('spec:\n', 'spec: # <-\n'),
    path: '/spec',
    valid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n'),
  },
  {
    code: 'SCHEMA_RANGE', severity: 'error', dialect: 'k8s', title: 'weighted target port (extension)',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n        port: 70000 # <-\n'),
    path: '/spec/httpRoute/action/weightedTargets/0/port',
    valid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    weightedTargets:\n      - targetRef: {virtualServiceRef: {name: svc}}\n        weight: 1\n        port: 9080\n'),
  },
  // ---------------- gateway route: topology ----------------
  {
    code: 'GR_PORT_REQUIRED', severity: 'error', dialect: 'aws',
    invalid: [
      { meshName: 'm', virtualGatewayName: 'gw2', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }, { portMapping: { port: 81, protocol: 'http' } }] } },
      awsGR(awsHttp({ prefix: '/' }), { virtualGatewayName: 'gw2' }),
    ],
    path: '/1/spec/httpRoute/match', mark: '"match"',
    valid: [
      { meshName: 'm', virtualGatewayName: 'gw2', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }, { portMapping: { port: 81, protocol: 'http' } }] } },
      awsGR(awsHttp({ prefix: '/', port: 81 }), { virtualGatewayName: 'gw2' }),
    ],
  },
  {
    code: 'GR_PORT_NOT_A_LISTENER', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /\nport: 9999 # <-')),
    path: '/spec/httpRoute/match/port',
    valid: k8sGR(http('prefix: /\nport: 8080')),
  },
  {
    code: 'GR_PROTOCOL_NO_LISTENER', severity: 'warning', dialect: 'k8s', title: 'grpc route on an http gateway',
    invalid: k8sGR(grpc('serviceName: a.B')).replace('grpcRoute:', 'grpcRoute: # <-'),
    path: '/spec/grpcRoute',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'TARGET_PORT_NOT_A_LISTENER', severity: 'error', dialect: 'k8s', title: 'gateway route target',
    invalid: k8sGR(httpTarget('prefix: /', TARGET + '  port: 1234 # <-')),
    path: '/spec/httpRoute/action/target/port',
    valid: k8sGR(httpTarget('prefix: /', TARGET + '  port: 9080')),
  },
  // ---------------- routes ----------------
  {
    code: 'ROUTE_TYPE', severity: 'error', dialect: 'k8s',
    invalid: k8sVR(k8sRoute('prefix: /') + '  tcpRoute:\n    action:\n      weightedTargets:\n        - virtualNodeRef: {name: node}\n          weight: 1\n').replace('- name: r1', '- name: r1 # <-'),
    path: '/spec/routes/0',
    valid: k8sVR(k8sRoute('prefix: /')),
  },
  {
    code: 'ROUTE_TYPE', severity: 'error', dialect: 'aws', title: 'no type',
    invalid: awsRoute({ priority: 1 }),
    path: '/spec', mark: '"spec"',
    valid: awsRoute({ priority: 1, ...awsHttpRoute({ prefix: '/' }) }),
  },
  {
    code: 'ROUTE_MATCH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'port-only match (webhook)',
    invalid: k8sVR(k8sRoute('port: 9080').replace('match:', 'match: # <-')),
    path: '/spec/routes/0/httpRoute/match',
    valid: k8sVR(k8sRoute('port: 9080\nprefix: /')),
  },
  {
    code: 'ROUTE_MATCH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'prefix and path',
    invalid: k8sVR(k8sRoute('prefix: /\npath: {exact: /a}').replace('match:', 'match: # <-')),
    path: '/spec/routes/0/httpRoute/match',
    valid: k8sVR(k8sRoute('path: {exact: /a}')),
  },
  {
    code: 'PREFIX_SLASH', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('prefix: color # <-')),
    path: '/spec/routes/0/httpRoute/match/prefix',
    valid: k8sVR(k8sRoute('prefix: /color')),
  },
  {
    code: 'PATH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('path: {exact: /a, regex: /a} # <-')),
    path: '/spec/routes/0/httpRoute/match/path',
    valid: k8sVR(k8sRoute('path: {exact: /a}')),
  },
  {
    code: 'HEADER_MATCH_ONE_OF', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: color\n    match: {} # <-')),
    path: '/spec/routes/0/httpRoute/match/headers/0/match',
    valid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: color\n    match: {exact: blue}')),
  },
  {
    code: 'RANGE_ORDER', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: nd\n    match: {range: {start: 150, end: 100}} # <-')),
    path: '/spec/routes/0/httpRoute/match/headers/0/match/range',
    valid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: nd\n    match: {range: {start: 100, end: 150}}')),
  },
  {
    code: 'RANGE_ORDER', severity: 'error', dialect: 'k8s', title: 'gRPC route metadata',
    invalid: k8sVR(k8sRoute('serviceName: a.B\nmetadata:\n  - name: nd\n    match: {range: {start: 2, end: 1}} # <-', { type: 'grpcRoute' }), '- portMapping: {port: 9080, protocol: grpc}'),
    path: '/spec/routes/0/grpcRoute/match/metadata/0/match/range',
    valid: k8sVR(k8sRoute('serviceName: a.B\nmetadata:\n  - name: nd\n    match: {range: {start: 1, end: 2}}', { type: 'grpcRoute' }), '- portMapping: {port: 9080, protocol: grpc}'),
  },
  {
    code: 'QUERY_MATCH_EXACT_REQUIRED', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('prefix: /\nqueryParameters:\n  - name: q\n    match: {} # <-')),
    path: '/spec/routes/0/httpRoute/match/queryParameters/0/match',
    valid: k8sVR(k8sRoute('prefix: /\nqueryParameters:\n  - name: q')),
  },
  {
    code: 'ROUTE_SCHEME_HTTP2_ONLY', severity: 'warning', dialect: 'k8s',
    invalid: k8sVR(k8sRoute('prefix: /\nscheme: https # <-')),
    path: '/spec/routes/0/httpRoute/match/scheme',
    valid: k8sVR(k8sRoute('prefix: /\nscheme: https', { type: 'http2Route' }), '- portMapping: {port: 9080, protocol: http2}'),
  },
  {
    code: 'ROUTE_GRPC_METHOD_NEEDS_SERVICE', severity: 'error', dialect: 'k8s',
    invalid: k8sVR(k8sRoute('methodName: SayHello # <-', { type: 'grpcRoute' }), '- portMapping: {port: 9080, protocol: grpc}'),
    path: '/spec/routes/0/grpcRoute/match/methodName',
    valid: k8sVR(k8sRoute('serviceName: helloworld.Greeter\nmethodName: SayHello', { type: 'grpcRoute' }), '- portMapping: {port: 9080, protocol: grpc}'),
  },
  {
    code: 'ROUTE_GRPC_METHOD_NEEDS_SERVICE', severity: 'error', dialect: 'aws',
    invalid: awsRoute({ grpcRoute: { match: { methodName: 'SayHello' }, action: { weightedTargets: [{ virtualNode: 'node', weight: 1 }] } } }),
    path: '/spec/grpcRoute/match/methodName', mark: '"methodName"',
    valid: awsRoute({ grpcRoute: { match: {}, action: { weightedTargets: [{ virtualNode: 'node', weight: 1 }] } } }),
  },
  {
    code: 'WEIGHTS_ZERO', severity: 'error', dialect: 'k8s', title: 'route',
    invalid: k8sVR(k8sRoute('prefix: /', { targets: '- virtualNodeRef: {name: node}\n  weight: 0' }).replace('weightedTargets:', 'weightedTargets: # <-')),
    path: '/spec/routes/0/httpRoute/action/weightedTargets',
    valid: k8sVR(k8sRoute('prefix: /', { targets: '- virtualNodeRef: {name: node}\n  weight: 0\n- virtualNodeRef: {name: node}\n  weight: 3' })),
  },
  {
    code: 'WEIGHTS_OVER_100', severity: 'error', dialect: 'aws',
    invalid: awsRoute(awsHttpRoute({ prefix: '/' }, [{ virtualNode: 'node', weight: 60 }, { virtualNode: 'node', weight: 41 }])),
    path: '/spec/httpRoute/action/weightedTargets', mark: '"weightedTargets"',
    valid: awsRoute(awsHttpRoute({ prefix: '/' }, [{ virtualNode: 'node', weight: 60 }, { virtualNode: 'node', weight: 40 }])),
  },
  {
    code: 'VR_DUPLICATE_ROUTE', severity: 'error', dialect: 'k8s',
    invalid: k8sVR(k8sRoute('prefix: /a') + k8sRoute('prefix: /b').replace('- name: r1', '- name: r1 # <-')),
    path: '/spec/routes/1/name',
    valid: k8sVR(k8sRoute('prefix: /a') + k8sRoute('prefix: /b', { name: 'r2' })),
  },
  {
    code: 'ROUTE_PORT_REQUIRED', severity: 'error', dialect: 'k8s',
    invalid: k8sVR(k8sRoute('prefix: /').replace('match:', 'match: # <-'), '- portMapping: {port: 9080, protocol: http}\n- portMapping: {port: 9081, protocol: http}'),
    path: '/spec/routes/0/httpRoute/match',
    valid: k8sVR(k8sRoute('prefix: /\nport: 9081'), '- portMapping: {port: 9080, protocol: http}\n- portMapping: {port: 9081, protocol: http}'),
  },
  {
    code: 'TARGET_PORT_REQUIRED', severity: 'error', dialect: 'aws', title: 'node with two listeners',
    invalid: [
      { meshName: 'm', virtualNodeName: 'two', spec: { listeners: [{ portMapping: { port: 1, protocol: 'http' } }, { portMapping: { port: 2, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'two.local' } } } },
      awsRoute(awsHttpRoute({ prefix: '/' }, [{ virtualNode: 'two', weight: 1 }])),
    ],
    path: '/1/spec/httpRoute/action/weightedTargets/0', mark: '"weightedTargets">>{',
    valid: [
      { meshName: 'm', virtualNodeName: 'two', spec: { listeners: [{ portMapping: { port: 1, protocol: 'http' } }, { portMapping: { port: 2, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'two.local' } } } },
      awsRoute(awsHttpRoute({ prefix: '/' }, [{ virtualNode: 'two', weight: 1, port: 2 }])),
    ],
  },
  {
    code: 'TARGET_PORT_NOT_A_LISTENER', severity: 'error', dialect: 'k8s', title: 'route target',
    invalid: k8sVR(k8sRoute('prefix: /', { targets: '- virtualNodeRef: {name: node}\n  weight: 1\n  port: 9999 # <-' })),
    path: '/spec/routes/0/httpRoute/action/weightedTargets/0/port',
    valid: k8sVR(k8sRoute('prefix: /', { targets: '- virtualNodeRef: {name: node}\n  weight: 1\n  port: 9080' })),
  },
  // ---------------- K8s label selectors ----------------
  {
    code: 'SELECTOR_VALUES_REQUIRED', severity: 'error', dialect: 'k8s', title: 'In with an empty values list',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: n3, namespace: app}
      spec:
        podSelector:
          matchExpressions:
            - key: app
              operator: In
              values: [] # <-
        serviceDiscovery: {dns: {hostname: n3.local}}
    `),
    path: '/spec/podSelector/matchExpressions/0/values',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: n3, namespace: app}
      spec:
        podSelector:
          matchExpressions:
            - key: app
              operator: In
              values: [n3]
        serviceDiscovery: {dns: {hostname: n3.local}}
    `),
  },
  {
    code: 'SELECTOR_VALUES_REQUIRED', severity: 'error', dialect: 'k8s', title: 'NotIn without values',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualGateway
      metadata: {name: gw3, namespace: app}
      spec:
        namespaceSelector: {matchLabels: {gateway: gw3}}
        gatewayRouteSelector:
          matchExpressions:
            - {key: tier, operator: NotIn} # <-
        listeners:
          - portMapping: {port: 8080, protocol: http}
    `),
    path: '/spec/gatewayRouteSelector/matchExpressions/0',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualGateway
      metadata: {name: gw3, namespace: app}
      spec:
        namespaceSelector: {matchLabels: {gateway: gw3}}
        gatewayRouteSelector:
          matchExpressions:
            - {key: tier, operator: Exists}
        listeners:
          - portMapping: {port: 8080, protocol: http}
    `),
  },
  {
    code: 'SELECTOR_VALUES_FORBIDDEN', severity: 'error', dialect: 'k8s',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m3}
      spec:
        namespaceSelector:
          matchExpressions:
            - key: mesh
              operator: Exists
              values: [m3] # <-
    `),
    path: '/spec/namespaceSelector/matchExpressions/0/values',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m3}
      spec:
        namespaceSelector:
          matchExpressions:
            - key: mesh
              operator: In
              values: [m3]
    `),
  },
  // ---------------- nodes and listeners ----------------
  {
    code: 'LISTENER_PORT_DUPLICATE', severity: 'error', dialect: 'k8s',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: n2, namespace: app}
      spec:
        listeners:
          - portMapping: {port: 80, protocol: http}
          - portMapping:
              port: 80 # <-
              protocol: http2
        serviceDiscovery: {dns: {hostname: n2.local}}
    `),
    path: '/spec/listeners/1/portMapping/port',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: n2, namespace: app}
      spec:
        listeners:
          - portMapping: {port: 80, protocol: http}
          - portMapping: {port: 81, protocol: http2}
        serviceDiscovery: {dns: {hostname: n2.local}}
    `),
  },
  {
    code: 'VN_SERVICE_DISCOVERY_REQUIRED', severity: 'error', dialect: 'aws',
    invalid: { meshName: 'm', virtualNodeName: 'n2', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }] } },
    path: '/spec', mark: '"spec"',
    valid: { meshName: 'm', virtualNodeName: 'n2', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }], serviceDiscovery: { awsCloudMap: { namespaceName: 'ns', serviceName: 'n2' } } } },
  },
  // ---------------- references and identity ----------------
  {
    code: 'REF_NOT_FOUND', severity: 'error', dialect: 'k8s', title: 'virtualServiceRef',
    invalid: k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceRef: # <-\n      name: nope')),
    path: '/spec/httpRoute/action/target/virtualService/virtualServiceRef',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'REF_NOT_FOUND', severity: 'error', dialect: 'k8s', title: 'ref into another namespace',
    invalid: k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceRef: # <-\n      name: svc\n      namespace: other')),
    path: '/spec/httpRoute/action/target/virtualService/virtualServiceRef',
    valid: k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceRef:\n      name: svc\n      namespace: app')),
  },
  {
    code: 'REF_NOT_FOUND', severity: 'error', dialect: 'aws', title: 'virtualServiceName',
    invalid: awsGR(awsHttp({ prefix: '/' }, { target: { virtualService: { virtualServiceName: 'nope.local' } } })),
    path: '/spec/httpRoute/action/target/virtualService/virtualServiceName', mark: '"virtualServiceName"',
    valid: awsGR(awsHttp({ prefix: '/' })),
  },
  {
    code: 'REF_NOT_FOUND', severity: 'error', dialect: 'aws', title: 'route of a router not in the input',
    invalid: { ...awsRoute(awsHttpRoute({ prefix: '/' })), virtualRouterName: 'nope' },
    path: '', mark: '{',
    valid: awsRoute(awsHttpRoute({ prefix: '/' })),
  },
  {
    code: 'REF_BAD_ARN', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceARN: arn:aws:s3:::bucket # <-')),
    path: '/spec/httpRoute/action/target/virtualService/virtualServiceARN',
    valid: k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceARN: arn:aws:appmesh:us-west-2:111122223333:mesh/m/virtualService/svc.local')),
  },
  {
    code: 'DUPLICATE_RESOURCE', severity: 'error', dialect: 'k8s',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualService
      metadata: {name: svc, namespace: app}
      spec: {awsName: other.local}
    `),
    path: '',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualService
      metadata: {name: svc2, namespace: app}
      spec: {awsName: other.local}
    `),
  },
  {
    code: 'DUPLICATE_NAME', severity: 'error', dialect: 'k8s', title: 'same awsName',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualService
      metadata: {name: svc2, namespace: app}
      spec: {awsName: svc.local}
    `),
    path: '',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualService
      metadata: {name: svc2, namespace: app}
      spec: {awsName: svc2.local}
    `),
  },
  {
    code: 'DUPLICATE_NAME', severity: 'error', dialect: 'aws',
    invalid: [{ meshName: 'm', virtualNodeName: 'a', spec: {} }, { meshName: 'm', virtualNodeName: 'a', spec: {} }],
    path: '/1', mark: null,
    valid: [{ meshName: 'm', virtualNodeName: 'a', spec: {} }, { meshName: 'm', virtualNodeName: 'b', spec: {} }],
  },
  {
    code: 'REF_MESH_NOT_IN_INPUT', severity: 'warning', dialect: 'aws',
    invalid: { meshName: 'elsewhere', virtualNodeName: 'a', spec: {} },
    path: '', mark: '{',
    valid: { meshName: 'm', virtualNodeName: 'a', spec: {} },
  },
  {
    code: 'REF_MESH_MISMATCH', severity: 'error', dialect: 'k8s', title: 'seed meshRef against the gateway mesh',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m2}
      spec: {}
      ---
    `) + k8sGR('meshRef: {name: m2}\n' + http('prefix: /')).replace('apiVersion: appmesh.k8s.aws/v1beta2\nkind: GatewayRoute', 'apiVersion: appmesh.k8s.aws/v1beta2 # <-\nkind: GatewayRoute'),
    path: '',
    valid: k8sGR('meshRef: {name: m}\n' + http('prefix: /')),
  },
  {
    code: 'REF_MESH_MISMATCH', severity: 'error', dialect: 'k8s', title: 'a ref into a namespace of another mesh',
    invalid: ns('other', '{mesh: m2}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m2}
      spec: {namespaceSelector: {matchLabels: {mesh: m2}}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: far, namespace: other}
      spec: {}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualService
      metadata: {name: s2, namespace: app}
      spec:
        provider:
          virtualNode:
            virtualNodeRef: {name: far, namespace: other} # <-
    `),
    path: '/spec/provider/virtualNode/virtualNodeRef',
    valid: ns('other', '{mesh: m2}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m2}
      spec: {namespaceSelector: {matchLabels: {mesh: m2}}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: far, namespace: other}
      spec: {}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualService
      metadata: {name: s2, namespace: other}
      spec:
        provider:
          virtualNode:
            virtualNodeRef: {name: far}
    `),
  },
  {
    code: 'GR_GATEWAY_NOT_FOUND', severity: 'error', dialect: 'k8s', title: 'no gateway selects the namespace',
    invalid: ns('edge', '{mesh: m}') + '---\n' + k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceRef: {name: svc, namespace: app}')).replace('namespace: app\n', 'namespace: edge\n').replace('apiVersion: appmesh.k8s.aws/v1beta2', 'apiVersion: appmesh.k8s.aws/v1beta2 # <-'),
    path: '',
    valid: ns('edge', '{mesh: m, gateway: gw}') + '---\n' + k8sGR(httpTarget('prefix: /', 'target:\n  virtualService:\n    virtualServiceRef: {name: svc, namespace: app}')).replace('namespace: app\n', 'namespace: edge\n'),
  },
  {
    code: 'GR_GATEWAY_NOT_FOUND', severity: 'error', dialect: 'aws', title: 'named gateway missing',
    invalid: awsGR(awsHttp({ prefix: '/' }), { virtualGatewayName: 'nope' }),
    path: '', mark: '{',
    valid: awsGR(awsHttp({ prefix: '/' })),
  },
  {
    code: 'GR_GATEWAY_AMBIGUOUS', severity: 'error', dialect: 'k8s',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualGateway
      metadata: {name: gw2, namespace: app}
      spec:
        namespaceSelector: {}
        listeners: [{portMapping: {port: 8080, protocol: http}}]
      ---
    `) + k8sGR(http('prefix: /')).replace('apiVersion: appmesh.k8s.aws/v1beta2\nkind: GatewayRoute', 'apiVersion: appmesh.k8s.aws/v1beta2 # <-\nkind: GatewayRoute'),
    path: '',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualGateway
      metadata: {name: gw2, namespace: app}
      spec:
        namespaceSelector: {}
        gatewayRouteSelector: {matchLabels: {gateway: gw2}}
        listeners: [{portMapping: {port: 8080, protocol: http}}]
      ---
    `) + k8sGR(http('prefix: /')),
  },
  {
    code: 'MESH_NOT_FOUND', severity: 'error', dialect: 'k8s', title: 'namespace not selected by any mesh',
    invalid: ns('lonely', '{team: x}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualNode
      metadata: {name: nd, namespace: lonely}
      spec: {}
    `),
    path: '',
    valid: ns('lonely', '{mesh: m}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: nd, namespace: lonely}
      spec: {}
    `),
  },
  {
    code: 'MESH_NOT_FOUND', severity: 'error', dialect: 'k8s', title: 'no mesh in the input', scaffold: null,
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualNode
      metadata: {name: nd, namespace: app}
      spec: {}
    `),
    path: '',
    valid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m}
      spec: {namespaceSelector: {}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: nd, namespace: app}
      spec: {}
    `),
    neighbourMayHaveErrors: false,
  },
  {
    code: 'MESH_AMBIGUOUS', severity: 'error', dialect: 'k8s', title: 'two meshes select the namespace',
    invalid: ns('shared', '{mesh: m, team: t}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m2}
      spec:
        namespaceSelector: {matchLabels: {team: t}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualNode
      metadata: {name: nd, namespace: shared}
      spec: {}
    `),
    path: '',
    valid: ns('shared', '{mesh: m, team: u}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m2}
      spec:
        namespaceSelector: {matchLabels: {team: t}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: nd, namespace: shared}
      spec: {}
    `),
  },
  {
    code: 'NAMESPACE_NOT_IN_INPUT', severity: 'warning', dialect: 'k8s', title: 'single mesh assumed',
    invalid: y(`
      apiVersion: appmesh.k8s.aws/v1beta2 # <-
      kind: VirtualNode
      metadata: {name: nd, namespace: undeclared}
      spec: {}
    `),
    path: '',
    valid: ns('declared', '{mesh: m}') + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: nd, namespace: declared}
      spec: {}
    `),
  },
  {
    code: 'UNKNOWN_KIND', severity: 'error', dialect: 'k8s',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualRoute # <-\nmetadata: {name: x, namespace: app}\n',
    path: '/kind',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: BackendGroup\nmetadata: {name: x, namespace: app}\n',
  },
  // ---------------- regexes ----------------
  {
    code: 'REGEX_SYNTAX', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('path:\n  regex: /a(b # <-')),
    path: '/spec/httpRoute/match/path/regex',
    valid: k8sGR(http('path:\n  regex: /a(b)')),
  },
  {
    code: 'REGEX_SYNTAX', severity: 'error', dialect: 'k8s', title: 'route header regex',
    invalid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: x\n    match:\n      regex: "a)" # <-')),
    path: '/spec/routes/0/httpRoute/match/headers/0/match/regex',
    valid: k8sVR(k8sRoute('prefix: /\nheaders:\n  - name: x\n    match:\n      regex: a|b')),
  },
  {
    code: 'REGEX_TOO_COMPLEX', severity: 'error', dialect: 'k8s', options: { regex: { maxProgramSize: 20 } },
    invalid: k8sGR(http('path:\n  regex: /(ab|cd|ef){40,90}x # <-')),
    path: '/spec/httpRoute/match/path/regex',
    valid: k8sGR(http('path:\n  regex: /ab')),
  },
  // ---------------- schema (API constraints) ----------------
  {
    code: 'SCHEMA_UNKNOWN_FIELD', severity: 'error', dialect: 'k8s', title: 'a typo',
    invalid: k8sGR(http('prefx: /api # <-')),
    path: '/spec/httpRoute/match/prefx',
    valid: k8sGR(http('prefix: /api')),
  },
  {
    code: 'SCHEMA_UNKNOWN_FIELD', severity: 'error', dialect: 'aws', title: 'a key needing pointer escapes',
    invalid: awsGR(awsHttp({ prefix: '/', 'a/b~c': 1 })),
    path: '/spec/httpRoute/match/a~1b~0c', mark: '"a/b~c"',
    valid: awsGR(awsHttp({ prefix: '/' })),
  },
  {
    code: 'SCHEMA_REQUIRED', severity: 'error', dialect: 'k8s',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action: {} # <-\n'),
    path: '/spec/httpRoute/action',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'SCHEMA_TYPE', severity: 'error', dialect: 'k8s',
    invalid: k8sGR('priority: high # <-\n' + http('prefix: /')),
    path: '/spec/priority',
    valid: k8sGR('priority: 7\n' + http('prefix: /')),
  },
  {
    code: 'SCHEMA_ENUM', severity: 'error', dialect: 'k8s',
    invalid: k8sGR(http('prefix: /\nmethod: FETCH # <-')),
    path: '/spec/httpRoute/match/method',
    valid: k8sGR(http('prefix: /\nmethod: PATCH')),
  },
  {
    code: 'SCHEMA_RANGE', severity: 'error', dialect: 'k8s', title: 'priority 1001',
    invalid: k8sGR('priority: 1001 # <-\n' + http('prefix: /')),
    path: '/spec/priority',
    valid: k8sGR('priority: 1000\n' + http('prefix: /')),
  },
  {
    code: 'SCHEMA_RANGE', severity: 'error', dialect: 'aws', title: 'API port 0 (the CRD allows 0)',
    invalid: awsGR(awsHttp({ prefix: '/', port: 0 })),
    path: '/spec/httpRoute/match/port', mark: '"port"',
    valid: awsGR(awsHttp({ prefix: '/', port: 8080 })),
  },
  {
    code: 'SCHEMA_LENGTH', severity: 'error', dialect: 'k8s', title: 'header name over 50',
    invalid: k8sGR(http(`prefix: /\nheaders:\n  - name: ${'h'.repeat(51)} # <-`)),
    path: '/spec/httpRoute/match/headers/0/name',
    valid: k8sGR(http(`prefix: /\nheaders:\n  - name: ${'h'.repeat(50)}`)),
  },
  {
    code: 'SCHEMA_ITEMS', severity: 'error', dialect: 'k8s', title: 'empty headers',
    invalid: k8sGR(http('prefix: /\nheaders: [] # <-')),
    path: '/spec/httpRoute/match/headers',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'SCHEMA_ITEMS', severity: 'error', dialect: 'aws', title: 'weightedTargets over 10',
    invalid: awsRoute(awsHttpRoute({ prefix: '/' }, Array.from({ length: 11 }, () => ({ virtualNode: 'node', weight: 1 })))),
    path: '/spec/httpRoute/action/weightedTargets', mark: '"weightedTargets"',
    valid: awsRoute(awsHttpRoute({ prefix: '/' }, Array.from({ length: 10 }, () => ({ virtualNode: 'node', weight: 1 })))),
  },
  {
    code: 'SCHEMA_UNION', severity: 'error', dialect: 'k8s', title: 'empty provider',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec:\n  provider: {} # <-\n',
    path: '/spec/provider',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {}\n',
  },
  {
    code: 'SCHEMA_UNION', severity: 'error', dialect: 'k8s', title: 'gRPC metadata match {} (the webhook accepts it, the API union does not)',
    invalid: k8sGR(grpc('serviceName: a.B\nmetadata:\n  - name: device\n    match: {} # <-')),
    path: '/spec/grpcRoute/match/metadata/0/match',
    valid: k8sGR(grpc('serviceName: a.B\nmetadata:\n  - name: device')),
  },
  {
    code: 'SCHEMA_PATTERN', severity: 'error', dialect: 'aws', title: 'Cloud Map attribute key',
    invalid: { meshName: 'm', virtualNodeName: 'n2', spec: { serviceDiscovery: { awsCloudMap: { namespaceName: 'ns', serviceName: 's', attributes: [{ key: 'bad key', value: 'v' }] } } } },
    path: '/spec/serviceDiscovery/awsCloudMap/attributes/0/key', mark: '"key"',
    valid: { meshName: 'm', virtualNodeName: 'n2', spec: { serviceDiscovery: { awsCloudMap: { namespaceName: 'ns', serviceName: 's', attributes: [{ key: 'good', value: 'v' }] } } } },
  },
  // ---------------- backends named before their service (issue 15) ----------------
  {
    code: 'BACKEND_NOT_IN_INPUT', severity: 'warning', dialect: 'aws', title: 'API backend virtualServiceName',
    invalid: { meshName: 'm', virtualNodeName: 'n2', spec: { backends: [{ virtualService: { virtualServiceName: 'later.local' } }] } },
    path: '/spec/backends/0/virtualService/virtualServiceName', mark: '"virtualServiceName"',
    valid: { meshName: 'm', virtualNodeName: 'n2', spec: { backends: [{ virtualService: { virtualServiceName: 'svc.local' } }] } },
  },
  // ---------------- legacy appmesh.k8s.aws/v1beta1 (docs/dialects.md) ----------------
  {
    code: 'OUTPUT_ONLY_FIELD', severity: 'warning', dialect: 'aws', title: 'describe metadata shortened in a README',
    invalid: { virtualNode: { meshName: 'm', virtualNodeName: 'n2', spec: {}, metadata: { arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/m/virtualNode/n2', createdAt: '2020-01-01T00:00:00Z', lastUpdatedAt: '2020-01-01T00:00:00Z', meshOwner: '1234...', resourceOwner: '123456789012', uid: 'u', version: 1 } } },
    path: '/virtualNode/metadata/meshOwner', mark: '"meshOwner"',
    valid: { virtualNode: { meshName: 'm', virtualNodeName: 'n2', spec: {}, metadata: { arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/m/virtualNode/n2', createdAt: '2020-01-01T00:00:00Z', lastUpdatedAt: '2020-01-01T00:00:00Z', meshOwner: '123456789012', resourceOwner: '123456789012', uid: 'u', version: 1 } } },
  },
  {
    code: 'K8S_VERSIONS_MIXED', severity: 'warning', dialect: 'k8s', title: 'a v1beta1 object next to the v1beta2 scaffold',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta1 # <-\nkind: Mesh\nmetadata: { name: legacy }\n',
    path: '/apiVersion',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: { name: other }\n',
  },

  {
    code: 'V1BETA1_UNKNOWN_FIELD', severity: 'warning', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Node('  serviceDiscovery:\n    dns:\n      hostname: n.local # <-\n'),
    path: '/spec/serviceDiscovery/dns/hostname',
    valid: v1beta1Node('  serviceDiscovery:\n    dns:\n      hostName: n.local\n'),
  },
  {
    code: 'V1BETA1_ROUTE_TYPES', severity: 'warning', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n      tcp: # <-\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n'),
    path: '/spec/routes/0/tcp',
    valid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n'),
  },
  {
    code: 'ROUTE_TYPE', severity: 'error', dialect: 'k8s', title: 'v1beta1 route without a type', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Service('    - name: r # <-\n      priority: 1\n'),
    path: '/spec/routes/0',
    valid: v1beta1Service('    - name: r\n      tcp:\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n'),
  },
  {
    code: 'V1BETA1_NESTED_PRIORITY', severity: 'warning', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Service('    - name: r\n      http:\n        priority: 5 # <-\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n'),
    path: '/spec/routes/0/http/priority',
    valid: v1beta1Service('    - name: r\n      priority: 5\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n'),
  },
  {
    code: 'V1BETA1_RETRY_INCOMPLETE', severity: 'error', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n        retryPolicy: { maxRetries: 2 } # <-\n'),
    path: '/spec/routes/0/http/retryPolicy',
    valid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n        retryPolicy: { maxRetries: 2, perRetryTimeoutMillis: 1000, httpRetryEvents: [server-error] }\n'),
  },
  {
    code: 'V1BETA1_LISTENER_PROTOCOL', severity: 'error', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Node('  listeners:\n    - portMapping: { port: 443, protocol: https } # <-\n  serviceDiscovery: { dns: { hostName: n.local } }\n'),
    path: '/spec/listeners/0/portMapping/protocol', mark: 'https',
    valid: v1beta1Node('  listeners:\n    - portMapping: { port: 443, protocol: http }\n  serviceDiscovery: { dns: { hostName: n.local } }\n'),
  },
  {
    code: 'V1BETA1_DNS_AND_CLOUDMAP', severity: 'warning', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Node('  serviceDiscovery:\n    dns: { hostName: n.local }\n    cloudMap: { namespaceName: ns, serviceName: nd } # <-\n'),
    path: '/spec/serviceDiscovery/cloudMap',
    valid: v1beta1Node('  serviceDiscovery:\n    cloudMap: { namespaceName: ns, serviceName: nd }\n'),
  },
  {
    code: 'V1BETA1_ROUTER_NO_LISTENER', severity: 'error', dialect: 'k8s', scaffold: V1BETA1_SCAFFOLD,
    invalid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: missing, weight: 1 }] }\n', null),
    path: '/spec', mark: 'spec:',
    valid: v1beta1Service('    - name: r\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: a, weight: 1 }] }\n', null),
    neighbourMayHaveErrors: true,
  },
  // ---------------- seed-article shapes ----------------
  {
    code: 'SEED_API_VERSION', severity: 'warning', dialect: 'k8s',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta1 # <-\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {awsName: s2.app}\n',
    path: '/apiVersion',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {}\n',
  },
  {
    code: 'SEED_API_VERSION', severity: 'error', dialect: 'k8s', title: '--strict', options: { strict: true },
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta1 # <-\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {awsName: s2.app}\n',
    path: '/apiVersion',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {}\n',
  },
  {
    code: 'SEED_MESH_NAME', severity: 'warning', dialect: 'k8s', title: 'Mesh spec.meshName', scaffold: null,
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: {name: m}\nspec:\n  meshName: m # <-\n',
    path: '/spec/meshName',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: {name: m}\nspec:\n  awsName: m\n',
  },
  {
    code: 'SEED_MESH_REF', severity: 'warning', dialect: 'k8s',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec:\n  meshRef: # <-\n    name: m\n',
    path: '/spec/meshRef',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {}\n',
  },
  {
    code: 'SEED_GATEWAY_REF', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR('virtualGatewayRef: {name: gw} # <-\n' + http('prefix: /')),
    path: '/spec/virtualGatewayRef',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'SEED_GATEWAY_NAME', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR('gatewayName: gw # <-\n' + http('prefix: /')),
    path: '/spec/gatewayName',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'SEED_TARGET_REF', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR('httpRoute:\n  match: {prefix: /}\n  action:\n    target:\n      virtualServiceRef: {name: svc} # <-\n'),
    path: '/spec/httpRoute/action/target/virtualServiceRef',
    valid: k8sGR(http('prefix: /')),
  },
  {
    code: 'SEED_TARGET_REWRITE', severity: 'warning', dialect: 'k8s',
    invalid: k8sGR(httpTarget('prefix: /a/', TARGET + '  rewrite: # <-\n    prefix: {value: /}')),
    path: '/spec/httpRoute/action/target/rewrite',
    valid: k8sGR(http('prefix: /a/', 'rewrite:\n  prefix: {value: /}')),
  },
  {
    code: 'SEED_PROVIDER_REF', severity: 'warning', dialect: 'k8s',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec:\n  provider:\n    virtualNodeRef: {name: node} # <-\n',
    path: '/spec/provider/virtualNodeRef',
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec:\n  provider:\n    virtualNode: {virtualNodeRef: {name: node}}\n',
  },
  // ---------------- input ----------------
  {
    code: 'INPUT_SYNTAX', severity: 'error', dialect: 'k8s', title: 'unclosed flow mapping',
    invalid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app\nspec: {}\n',
    path: '', mark: null,
    valid: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s2, namespace: app}\nspec: {}\n',
  },
];

// ---- running the table -------------------------------------------------------------------------

/** `A>>B`: the first B after the first A; otherwise the first occurrence of the mark. */
function markLine(text: string, mark: string): number | null {
  const [a, b] = mark.split('>>');
  if (b === undefined) return lineOf(text, mark);
  const from = text.indexOf(a!);
  if (from < 0) return null;
  const at = text.indexOf(b, from + a!.length);
  return at < 0 ? null : lineOf(text.slice(0, at) + '\u0000', '\u0000');
}

function rowName(r: Row): string {
  return `${r.code} [${r.dialect}]${r.title ? ' ' + r.title : ''}`;
}

describe('validation rules: one invalid and one valid neighbour per code', () => {
  for (const row of rows) {
    test(rowName(row), () => {
      const sources = sourcesOf(row, row.invalid);
      const result = load(sources, row.options);
      const caseFile = sources[sources.length - 1]!;
      const hits = result.diagnostics.filter((d) => d.code === row.code && d.file === caseFile.file);
      const hit = hits.find((d) => d.path === row.path);
      assert.ok(hit, `expected ${row.code} at ${JSON.stringify(row.path)} in ${caseFile.file}; got ${hits.map(fmt).join('; ') || 'no such code'}${repro(sources, result)}`);
      assert.equal(hit.severity, row.severity, `severity of ${fmt(hit)}${repro(sources, result)}`);
      const mark = row.mark === undefined ? (row.dialect === 'k8s' ? '# <-' : null) : row.mark;
      if (mark !== null) {
        const line = markLine(caseFile.text, mark);
        assert.ok(line !== null, `test bug: mark ${JSON.stringify(mark)} not in the case`);
        assert.equal(hit.line, line, `line of ${fmt(hit)} (expected the line with ${JSON.stringify(mark)})${repro(sources, result)}`);
        assert.ok(hit.column !== null && hit.column >= 1, `column of ${fmt(hit)}`);
      }
      if (row.severity === 'error') assert.equal(result.valid, false);

      if (row.valid !== null) {
        const nSources = sourcesOf(row, row.valid);
        const neighbour = load(nSources, row.options);
        const same = neighbour.diagnostics.filter((d) => d.code === row.code);
        assert.deepEqual(same.map(fmt), [], `the valid neighbour must not produce ${row.code}${repro(nSources, neighbour)}`);
        if (!row.neighbourMayHaveErrors) {
          assert.deepEqual(neighbour.diagnostics.filter((d) => d.severity === 'error').map(fmt), [], `the valid neighbour has errors${repro(nSources, neighbour)}`);
        }
      }
    });
  }
});

/** Codes every test file of this suite exercises through the table; checked against the source. */
export const TABLE_CODES = new Set(rows.map((r) => r.code));

// ---- dialect differences and webhook quirks, pinned one by one ---------------------------------

function caseCodes(dialect: Dialect, value: string | unknown, options: LoadOptions = {}): { codes: string[]; sources: Source[]; result: ReturnType<typeof load> } {
  const row: Row = { code: '', severity: 'error', dialect, invalid: value, path: '', valid: null };
  const sources = sourcesOf(row, value);
  const result = load(sources, options);
  const file = sources[sources.length - 1]!.file;
  return { codes: result.diagnostics.filter((d) => d.file === file).map((d) => d.code), sources, result };
}

describe('dialects: the API accepts what the K8s webhook rejects', () => {
  test('port-only HTTP gateway-route match: K8s GR_MATCH_REQUIRED, AWS JSON accepted', () => {
    const k = caseCodes('k8s', k8sGR(http('port: 8080')));
    assert.deepEqual(k.codes, ['GR_MATCH_REQUIRED'], repro(k.sources, k.result));
    const a = caseCodes('aws', awsGR(awsHttp({ port: 8080 })));
    assert.deepEqual(a.codes, [], repro(a.sources, a.result));
    assert.equal(a.result.valid, true);
    assert.equal(a.result.model.gatewayRoutes.length, 1);
  });

  test('port-only HTTP route match: K8s ROUTE_MATCH_ONE_OF, AWS JSON accepted', () => {
    const k = caseCodes('k8s', k8sVR(k8sRoute('port: 9080')));
    assert.deepEqual(k.codes, ['ROUTE_MATCH_ONE_OF'], repro(k.sources, k.result));
    const a = caseCodes('aws', awsRoute(awsHttpRoute({ port: 9080 })));
    assert.deepEqual(a.codes, [], repro(a.sources, a.result));
    assert.equal(a.result.model.routes.length, 1);
  });

  test('path with exact and regex: K8s PATH_ONE_OF, AWS JSON not (HttpPathMatch is no API union)', () => {
    assert.deepEqual(caseCodes('k8s', k8sGR(http('path: {exact: /a, regex: /a}'))).codes, ['PATH_ONE_OF']);
    assert.deepEqual(caseCodes('aws', awsGR(awsHttp({ path: { exact: '/a', regex: '/a' } }))).codes, []);
  });

  test('empty gRPC gateway-route match: K8s GR_GRPC_MATCH_REQUIRED, AWS JSON accepted', () => {
    assert.deepEqual(caseCodes('k8s', k8sGR(grpc('port: 8080'))).codes.filter((c) => c !== 'GR_PROTOCOL_NO_LISTENER'), ['GR_GRPC_MATCH_REQUIRED']);
    const a = caseCodes('aws', awsGR({ grpcRoute: { match: {}, action: { target: AWS_TARGET } } }));
    assert.deepEqual(a.codes.filter((c) => c !== 'GR_PROTOCOL_NO_LISTENER'), []);
  });

  test('empty rewrite block: K8s GR_REWRITE_EMPTY, AWS JSON accepted', () => {
    assert.deepEqual(caseCodes('k8s', k8sGR(http('prefix: /a/', 'rewrite: {}'))).codes, ['GR_REWRITE_EMPTY']);
    assert.deepEqual(caseCodes('aws', awsGR(awsHttp({ prefix: '/a/' }, { rewrite: {} }))).codes, []);
  });

  test('query parameter match without exact: K8s QUERY_MATCH_EXACT_REQUIRED, AWS JSON accepted', () => {
    assert.deepEqual(caseCodes('k8s', k8sGR(http('prefix: /\nqueryParameters: [{name: q, match: {}}]'))).codes, ['QUERY_MATCH_EXACT_REQUIRED']);
    assert.deepEqual(caseCodes('aws', awsGR(awsHttp({ prefix: '/', queryParameters: [{ name: 'q', match: {} }] }))).codes, []);
  });
});

describe('K8s webhook quirks kept (validateHTTPHeadersIfAny)', () => {
  test('after the first header with a range, later ranges are not checked: RANGE_EMPTY warning, not RANGE_ORDER', () => {
    const r = caseCodes('k8s', k8sGR(http('prefix: /\nheaders:\n  - name: a\n    match: {range: {start: 1, end: 2}}\n  - name: b\n    match: {range: {start: 7, end: 3}}')));
    assert.deepEqual(r.codes, ['RANGE_EMPTY'], repro(r.sources, r.result));
    assert.equal(r.result.valid, true);
  });

  test('a bad range on the first ranged header is still an error even after plain headers', () => {
    const r = caseCodes('k8s', k8sGR(http('prefix: /\nheaders:\n  - name: a\n    match: {exact: x}\n  - name: b\n    match: {range: {start: 7, end: 3}}')));
    assert.deepEqual(r.codes, ['RANGE_ORDER'], repro(r.sources, r.result));
  });

  test('with headers present, queryParameters are not validated', () => {
    const without = caseCodes('k8s', k8sGR(http('prefix: /\nqueryParameters: [{name: q, match: {}}]')));
    assert.deepEqual(without.codes, ['QUERY_MATCH_EXACT_REQUIRED']);
    const withHeaders = caseCodes('k8s', k8sGR(http('prefix: /\nheaders: [{name: h}]\nqueryParameters: [{name: q, match: {}}]')));
    assert.deepEqual(withHeaders.codes, [], repro(withHeaders.sources, withHeaders.result));
    assert.equal(withHeaders.result.valid, true);
  });
});

// ---- reference §10 item 23: K8s admission negatives ---------------------------------------------

describe('reference §10.23 admission negatives', () => {
  const expectRejected = (yaml: string, code: string, path: string) => {
    const r = caseCodes('k8s', yaml);
    const hit = r.result.diagnostics.find((d) => d.code === code && d.file === 'case.yaml');
    assert.ok(hit, `expected ${code}${repro(r.sources, r.result)}`);
    assert.equal(hit.severity, 'error');
    assert.equal(hit.path, path);
    assert.equal(r.result.valid, false);
  };

  test('GR with both prefix and path is rejected', () => {
    expectRejected(k8sGR(http('prefix: /paths\npath: {exact: /paths/green}')), 'GR_PREFIX_AND_PATH', '/spec/httpRoute/match');
  });

  test("GR rewrite.prefix.value /red is rejected (must start and end with '/')", () => {
    expectRejected(k8sGR(http('prefix: /red/', 'rewrite: {prefix: {value: /red}}')), 'GR_REWRITE_VALUE_SLASHES', '/spec/httpRoute/action/rewrite/prefix/value');
  });

  test('GR hostname with both exact and suffix is rejected', () => {
    expectRejected(k8sGR(http('hostname: {exact: www.example.com, suffix: example.com}')), 'GR_HOSTNAME_ONE_OF', '/spec/httpRoute/match/hostname');
  });

  test("GR rewrite.prefix with match prefix 'red' is rejected (must start with '/')", () => {
    expectRejected(k8sGR(http('prefix: red', 'rewrite: {prefix: {defaultPrefix: ENABLED}}')), 'GR_REWRITE_PREFIX_MATCH_SLASH', '/spec/httpRoute/action/rewrite/prefix');
  });

  test('VR with two routes named r1 is rejected', () => {
    expectRejected(k8sVR(k8sRoute('prefix: /a') + k8sRoute('prefix: /b')), 'VR_DUPLICATE_ROUTE', '/spec/routes/1/name');
  });
});

// ---- every code in the source has a row ----------------------------------------------------------

/** Codes tested elsewhere or unreachable, with the reason. */
const NOT_IN_TABLE: Record<string, string> = {
  INPUT_NOT_FOUND: 'thrown as InputError by loadFiles (test/model/loader.test.ts)',
  INPUT_UNREADABLE: 'thrown as InputError by loadFiles (test/model/loader.test.ts)',
  INPUT_NOT_TEXT: 'thrown as InputError by loadFiles for binary input (test/cli/bad-inputs.test.ts)',
  SCHEMA_INVALID: 'fallback for TypeBox keywords without a mapping; the current schemas use none',
  INPUT_DUPLICATE_KEY: 'input-level check (test/model/loader-input-checks.test.ts)',
  AWS_MESH_NAME_MISSING: 'input-level check (test/model/loader-input-checks.test.ts)',
  DUPLICATE_NAMESPACE: 'input-level check (test/model/real-files.test.ts)',
  SPEC_ONLY_SKIPPED: 'a skipped document, not a rule (test/cli/real-files.test.ts, test/model/real-files.test.ts)',
  V1BETA1_ROUTER_LISTENER_INFERRED: 'an info, not a finding of an invalid case (test/model/v1beta1.test.ts, djapp)',
};

test('every rule code emitted by src/model has a row in the table (or a stated reason)', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '../../src/model');
  const files = [
    ...readdirSync(join(root, 'rules')).map((f) => join(root, 'rules', f)),
    ...['resolve.ts', 'drafts.ts', 'drafts-v1beta1.ts', 'load-model.ts', 'convert/seed-shapes.ts', 'load/parse-documents.ts', 'load/read-input.ts'].map((f) => join(root, f)),
  ];
  const codes = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]!);
  for (const notCode of ['ALLOW_ALL', 'DROP_ALL', 'SCHEMA_']) codes.delete(notCode);
  const missing = [...codes].filter((c) => !TABLE_CODES.has(c) && !(c in NOT_IN_TABLE)).sort();
  assert.deepEqual(missing, [], 'codes without a test row');
  const stale = Object.keys(NOT_IN_TABLE).filter((c) => !codes.has(c));
  assert.deepEqual(stale, [], 'NOT_IN_TABLE lists codes the source no longer emits');
});
