/**
 * Dev-only fidelity check (not a test: it needs the upstream sources on disk). Walks the generated
 * CRD openAPIV3Schema of every v1beta2 kind and the botocore App Mesh model, and reports every
 * difference in properties, required lists, enums, bounds, strictness and union flags against our
 * schemas. Expected output: only the deliberate deviation that describe `metadata`/`status` are
 * optional (see src/model/schema/README.md).
 *
 *   node --import tsx test/model/schema/fidelity-check.ts <controller>/config/crd/bases <botocore>/botocore/data/appmesh/2019-01-25/service-2.json
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as S from '../../../src/model/schema/index.js';
const crdDir = process.argv[2] ?? 'config/crd/bases';
const modelPath = process.argv[3] ?? 'service-2.json';

const problems: string[] = [];
function norm(x: any) { return x === undefined ? undefined : JSON.stringify(Array.isArray(x) ? [...x].sort() : x); }
function cmpCrd(crd: any, mine: any, path: string) {
  if (!mine) { problems.push(`${path}: missing in mine`); return; }
  const t = crd.type;
  const mt = mine.type;
  if (t === 'object' && crd.properties) {
    if (mt !== 'object') problems.push(`${path}: type ${mt}`);
    if (mine.additionalProperties !== false) problems.push(`${path}: not strict`);
    const a = Object.keys(crd.properties).sort(), b = Object.keys(mine.properties ?? {}).sort();
    if (norm(a) !== norm(b)) problems.push(`${path}: props crd=${a} mine=${b}`);
    if (norm(crd.required ?? []) !== norm(mine.required ?? [])) problems.push(`${path}: required crd=${crd.required} mine=${mine.required}`);
    for (const k of a) cmpCrd(crd.properties[k], mine.properties?.[k], `${path}/${k}`);
    return;
  }
  if (t === 'object' && crd.additionalProperties) { if (!mine.patternProperties) problems.push(`${path}: expected record`); return; }
  if (t === 'array') { if (mt !== 'array') problems.push(`${path}: type ${mt}`); for (const k of ['minItems','maxItems']) if (crd[k] !== mine[k]) problems.push(`${path}: ${k} crd=${crd[k]} mine=${mine[k]}`); cmpCrd(crd.items, mine.items, `${path}/[]`); return; }
  if (crd.enum) { if (norm(crd.enum) !== norm(mine.enum)) problems.push(`${path}: enum crd=${crd.enum} mine=${mine.enum}`); return; }
  if (t !== mt) problems.push(`${path}: type crd=${t} mine=${mt}`);
  for (const k of ['minimum','maximum','minLength','maxLength','pattern']) if (crd[k] !== mine[k]) problems.push(`${path}: ${k} crd=${crd[k]} mine=${mine[k]}`);
}
const files: Record<string, string> = { Mesh: 'meshes', VirtualGateway: 'virtualgateways', GatewayRoute: 'gatewayroutes', VirtualService: 'virtualservices', VirtualRouter: 'virtualrouters', VirtualNode: 'virtualnodes' };
for (const [kind, f] of Object.entries(files)) {
  const d = parse(readFileSync(join(crdDir, `appmesh.k8s.aws_${f}.yaml`), 'utf8'));
  const crd = d.spec.versions[0].schema.openAPIV3Schema.properties.spec;
  cmpCrd(crd, (S.k8sSpecSchemas as any)[kind], `k8s:${kind}`);
}
// AWS
const model = JSON.parse(readFileSync(modelPath, 'utf8')).shapes;
function cmpApi(name: string, mine: any, path: string) {
  const s = model[name];
  if (!mine) { problems.push(`${path}: missing in mine`); return; }
  if (s.type === 'structure') {
    if (mine.additionalProperties !== false) problems.push(`${path}: not strict`);
    const a = Object.keys(s.members).sort(), b = Object.keys(mine.properties ?? {}).sort();
    if (norm(a) !== norm(b)) problems.push(`${path}: props api=${a} mine=${b}`);
    if (norm(s.required ?? []) !== norm(mine.required ?? [])) problems.push(`${path}: required api=${s.required} mine=${mine.required}`);
    const u = mine['x-union'];
    if (!!s.union !== (u === true)) problems.push(`${path}: union api=${!!s.union} mine=${JSON.stringify(u)}`);
    for (const k of a) cmpApi(s.members[k].shape, mine.properties?.[k], `${path}/${k}`);
    return;
  }
  if (s.type === 'list') { if (mine.type !== 'array') problems.push(`${path}: not array`); if (s.min !== mine.minItems || s.max !== mine.maxItems) problems.push(`${path}: items api=${s.min}..${s.max} mine=${mine.minItems}..${mine.maxItems}`); cmpApi(s.member.shape, mine.items, `${path}/[]`); return; }
  if (s.enum) { if (norm(s.enum) !== norm(mine.enum)) problems.push(`${path}: enum api=${s.enum} mine=${mine.enum}`); return; }
  const tmap: any = { string: 'string', integer: 'integer', long: 'integer', boolean: 'boolean', timestamp: 'timestamp' };
  if (tmap[s.type] !== mine.type && !(s.type === 'timestamp')) problems.push(`${path}: type api=${s.type} mine=${mine.type}`);
  const [lo, hi] = s.type === 'string' ? ['minLength', 'maxLength'] : ['minimum', 'maximum'];
  if (s.min !== mine[lo] || s.max !== mine[hi]) problems.push(`${path}: bounds api=${s.min}..${s.max} mine=${mine[lo]}..${mine[hi]}`);
  if (s.pattern !== mine.pattern) problems.push(`${path}: pattern`);
}
const specs: Record<string, string> = { Mesh: 'MeshSpec', VirtualGateway: 'VirtualGatewaySpec', GatewayRoute: 'GatewayRouteSpec', VirtualService: 'VirtualServiceSpec', VirtualRouter: 'VirtualRouterSpec', Route: 'RouteSpec', VirtualNode: 'VirtualNodeSpec' };
for (const [kind, shape] of Object.entries(specs)) cmpApi(shape, (S.awsSpecSchemas as any)[kind], `aws:${kind}`);
const data: Record<string, [string, string]> = { Mesh: ['MeshData', 'mesh'], VirtualGateway: ['VirtualGatewayData', 'virtualGateway'], GatewayRoute: ['GatewayRouteData', 'gatewayRoute'], VirtualService: ['VirtualServiceData', 'virtualService'], VirtualRouter: ['VirtualRouterData', 'virtualRouter'], Route: ['RouteData', 'route'], VirtualNode: ['VirtualNodeData', 'virtualNode'] };
for (const [kind, [shape, key]] of Object.entries(data)) cmpApi(shape, (S.awsDescribeSchemas as any)[kind].properties[key], `awsdescribe:${kind}`);
const inputs: Record<string, string> = { Mesh: 'CreateMeshInput', VirtualGateway: 'CreateVirtualGatewayInput', GatewayRoute: 'CreateGatewayRouteInput', VirtualService: 'CreateVirtualServiceInput', VirtualRouter: 'CreateVirtualRouterInput', Route: 'CreateRouteInput', VirtualNode: 'CreateVirtualNodeInput' };
for (const [kind, shape] of Object.entries(inputs)) cmpApi(shape, (S.awsInputSchemas as any)[kind], `awsinput:${kind}`);
console.log(problems.join('\n') || 'no differences');
