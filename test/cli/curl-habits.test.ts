// `meshroute route` takes requests the way curl users write them (docs/cli.md "meshroute route"):
// a Host header is the authority (AWS's howto-match-and-rewrite-at-ingress walkthrough curls the load
// balancer with -H 'Host: www.example.com'), while the URL still gives the listener port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestFromArgs } from '../../src/cli/request-args.js';
import { run, repro } from './_run.js';

const EDGE = 'docs/examples/edge-gateway';

/** howto-match-and-rewrite-at-ingress, reduced: a gateway route that matches hostname www.example.com. */
const HOST_MATCH = `apiVersion: appmesh.k8s.aws/v1beta2
kind: Mesh
metadata: {name: howto}
spec: {namespaceSelector: {matchLabels: {mesh: howto}}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ns, labels: {mesh: howto}}
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: VirtualGateway
metadata: {name: ingress-gw, namespace: ns}
spec:
  namespaceSelector: {matchLabels: {mesh: howto}}
  podSelector: {matchLabels: {app: ingress-gw}}
  listeners: [{portMapping: {port: 8088, protocol: http}}]
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: GatewayRoute
metadata: {name: color-red, namespace: ns}
spec:
  httpRoute:
    match: {prefix: /red, hostname: {exact: www.example.com}}
    action: {target: {virtualService: {virtualServiceRef: {name: color-red}}}}
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: VirtualService
metadata: {name: color-red, namespace: ns}
spec:
  awsName: color-red.ns.svc.cluster.local
  provider: {virtualNode: {virtualNodeRef: {name: red}}}
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: VirtualNode
metadata: {name: red, namespace: ns}
spec:
  podSelector: {matchLabels: {app: red}}
  listeners: [{portMapping: {port: 8080, protocol: http}}]
  serviceDiscovery: {dns: {hostname: red.ns.svc.cluster.local}}
`;

test('route: -H "Host: …" is the authority, as in curl (the URL names the load balancer)', () => {
  const viaHost = ['route', '-f', '-', '-H', 'Host: www.example.com', 'http://alb.example/red/tell', '--json'];
  const viaUrl = ['route', '-f', '-', 'http://www.example.com/red/tell', '--json'];
  const a = run(viaHost, HOST_MATCH);
  assert.equal(a.code, 0, repro(viaHost) + a.stderr);
  const decision = JSON.parse(a.stdout);
  assert.equal(decision.matched, true, repro(viaHost) + a.stdout);
  assert.equal(decision.gatewayRoute, 'color-red', repro(viaHost));
  assert.deepEqual(decision, JSON.parse(run(viaUrl, HOST_MATCH).stdout), 'the same decision as with the host in the URL');
  // Without the Host header the load balancer's name is the authority: the hostname match misses.
  const bare = JSON.parse(run(['route', '-f', '-', 'http://alb.example/red/tell', '--json'], HOST_MATCH).stdout);
  assert.equal(bare.matched, false, JSON.stringify(bare));
  assert.equal(bare.status, 404);
});

test('requestFromArgs: Host (any case) sets the authority, is not also a header, and keeps the URL port', () => {
  const r = requestFromArgs({ url: 'http://10.0.0.1:8080/red/tell', headers: ['hOsT: www.example.com', 'x-a: 1'] });
  assert.equal(r.authority, 'www.example.com');
  assert.equal(r.port, 8080);
  assert.deepEqual(r.headers, [['x-a', '1']]);
  const pathOnly = requestFromArgs({ url: '/red', headers: ['Host: www.example.com:8443'] });
  assert.equal(pathOnly.authority, 'www.example.com:8443');
  assert.throws(() => requestFromArgs({ url: '/x', headers: ['Host: a', 'host: b'] }), /Host given 2 times/);
  assert.throws(() => requestFromArgs({ url: '/x', headers: ['Host: a:99999'] }), /port 99999 .* out of range/);
});

test('requestFromArgs: URL and header sanity', () => {
  for (const [url, message] of [
    ['http://[bad/x', /has no valid host/],
    ['http://x:0/', /port 0 .* out of range/],
    ['http://x:65536/', /port 65536 .* out of range/],
    ['http://a b/', /has no valid host/],
    ['http:///x', /has no valid host/],
    ['ftp://x/', /URL must be/],
  ] as const) {
    assert.throws(() => requestFromArgs({ url, headers: [] }), message, url);
  }
  assert.equal(requestFromArgs({ url: 'http://[::1]:8080/x', headers: [] }).authority, '[::1]:8080');
  assert.equal(requestFromArgs({ url: 'https://Shop.Example.com:65535/x', headers: [] }).port, 65535);
  for (const h of ['x canary: v', 'x\tcanary: v', '(x): v', 'x"y: v']) {
    assert.throws(() => requestFromArgs({ url: '/x', headers: [h] }), /not a valid HTTP header name/, h);
  }
  assert.deepEqual(requestFromArgs({ url: '/x', headers: ["x-a_b.c~!#$%&'*+^`|: v"] }).headers, [["x-a_b.c~!#$%&'*+^`|", 'v']]);
});

test('unknown commands and options suggest the closest name, or none when nothing is close', () => {
  const cases: [string[], RegExp][] = [
    [['valdiate', EDGE], /did you mean "meshroute validate"\?/],
    [['rout', '/x'], /did you mean "meshroute route"\?/],
    [['exprot'], /did you mean "meshroute export"\?/],
    [['validate', EDGE, '--stric'], /unknown option --stric \(did you mean --strict\?\)/],
    [['route', '-f', EDGE, '--hostname_mode', 'flat', '/x'], /did you mean --hostname-mode\?/],
    [['route', '-f', EDGE, '-json', '/x'], /unknown option -json \(did you mean --json\?\)/],
    [['compile', '-f', EDGE, '--out', 'x'], /did you mean --output\?/],
  ];
  for (const [argv, message] of cases) {
    const r = run(argv);
    assert.equal(r.code, 2, repro(argv));
    assert.match(r.stderr, message, repro(argv) + '\n' + r.stderr);
  }
  for (const argv of [['frobnicate'], ['validate', EDGE, '--zzzzzz']]) {
    const r = run(argv);
    assert.equal(r.code, 2, repro(argv));
    assert.doesNotMatch(r.stderr, /did you mean/, repro(argv) + '\n' + r.stderr);
  }
});
