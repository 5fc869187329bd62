/**
 * createGatewayApiEvaluator: routes requests the way a conformant Gateway API implementation
 * would, from the objects alone (docs/gateway-api-evaluator.md). Independent of meshroute's App
 * Mesh evaluator: it shares only the RE2 engine (src/regex) for RegularExpression matches.
 */
import { UsageError } from '../../../errors.js';
import type { Gateway, GRPCRoute, HTTPRoute, Namespace, ReferenceGrant, Service } from '../objects.js';
import { attachRoutes, key, type Attachments } from './attach.js';
import type { BackendContext } from './backends.js';
import type { Attachment, CompiledRoute } from './compiled.js';
import { compileRoute } from './compile-route.js';
import { decide, errorDecision } from './decide.js';
import { gammaAttachments } from './gamma.js';
import { hostnameScore } from './hostnames.js';
import { pickListener, type ListenerVerdict } from './listener.js';
import { normalizeRequest, type NormalizedRequest } from './request.js';
import { selectRule, type SelectOptions } from './select.js';
import type {
  CreateGatewayApiEvaluator,
  GatewayApiDecision,
  GatewayApiEntry,
  GatewayApiEvaluator,
  GatewayApiEvaluatorOptions,
  GatewayApiExplanation,
  GatewayApiObject,
  GatewayApiObjectProblem,
  GatewayApiRequest,
} from './types.js';

export type * from './types.js';

export const createGatewayApiEvaluator: CreateGatewayApiEvaluator = (objects, options = {}) => {
  const state = buildState(objects, options);
  const run = (request: GatewayApiRequest, entry: GatewayApiEntry, wantRanking: boolean): GatewayApiExplanation =>
    evaluate(state, normalizeRequest(request), entry, wantRanking);
  const evaluator: GatewayApiEvaluator = {
    route: (request, entry) => run(request, entry, false).decision,
    explain: (request, entry) => run(request, entry, true),
    problems: state.problems,
  };
  return evaluator;
};

interface State {
  attachments: Attachments;
  backends: Omit<BackendContext, 'mesh'>;
  options: Required<GatewayApiEvaluatorOptions>;
  problems: GatewayApiObjectProblem[];
}

function buildState(objects: readonly GatewayApiObject[], options: GatewayApiEvaluatorOptions): State {
  if (!Array.isArray(objects)) throw new UsageError('GATEWAY_API_OBJECTS', 'createGatewayApiEvaluator: objects must be an array of Gateway API objects');
  const of = <K extends GatewayApiObject['kind']>(kind: K): Extract<GatewayApiObject, { kind: K }>[] =>
    objects.filter((o): o is Extract<GatewayApiObject, { kind: K }> => typeof o === 'object' && o !== null && o.kind === kind);
  const problems: GatewayApiObjectProblem[] = [];
  const routes = [...of('HTTPRoute'), ...of('GRPCRoute')]
    .map((r: HTTPRoute | GRPCRoute) => compileRoute(r, problems))
    .filter((r): r is CompiledRoute => r !== null);
  const services = new Map(of('Service').map((s: Service) => [key(s.metadata.namespace ?? 'default', s.metadata.name), s]));
  return {
    attachments: attachRoutes(of('Gateway') as Gateway[], of('Namespace') as Namespace[], routes, problems),
    backends: { grants: of('ReferenceGrant') as ReferenceGrant[], services, checkBackendsExist: options.checkBackendsExist ?? false },
    options: {
      regexPrecedence: options.regexPrecedence ?? 'after-prefix',
      gammaIgnoresHostnames: options.gammaIgnoresHostnames ?? true,
      hostnameFallthrough: options.hostnameFallthrough ?? false,
      checkBackendsExist: options.checkBackendsExist ?? false,
    },
    problems,
  };
}

function evaluate(state: State, req: NormalizedRequest, entry: GatewayApiEntry, wantRanking: boolean): GatewayApiExplanation {
  const select: SelectOptions = {
    regexPrecedence: state.options.regexPrecedence,
    hostnameFallthrough: state.options.hostnameFallthrough,
    ignoreHostnames: false,
    wantRanking,
  };
  if (entry.kind === 'Gateway') {
    const g = state.attachments.gateways.get(key(entry.namespace, entry.name));
    if (g === undefined) return { decision: errorDecision(req, { entry, listener: null }, 404, 'NO_ENTRY', null), listeners: [], candidates: [] };
    const { picked, verdicts } = pickListener(g, req);
    if (picked === null) return { decision: errorDecision(req, { entry, listener: null }, 404, 'NO_LISTENER', null), listeners: verdicts, candidates: [] };
    return finish(state, req, entry, routesFor(req, picked.attachments), select, picked.listener.name, picked.listener.port, verdicts);
  }
  const attached = state.attachments.services.get(key(entry.namespace, entry.name)) ?? [];
  const routes = gammaAttachments(attached, entry, state.options.gammaIgnoresHostnames);
  if (routes.length === 0) return { decision: toService(entry, req), listeners: [], candidates: [] };
  // The port's routes are all GRPCRoutes or all HTTPRoutes (gamma.ts); a non-gRPC request on a
  // GRPCRoute port matches none of them: 404, since routes are attached.
  const usable = req.protocol === 'grpc' ? routes : routes.filter((a) => a.route.ref.kind === 'HTTPRoute');
  return finish(state, req, entry, usable, { ...select, ignoreHostnames: state.options.gammaIgnoresHostnames }, null, entry.port, []);
}

function finish(
  state: State,
  req: NormalizedRequest,
  entry: GatewayApiEntry,
  routes: readonly Attachment[],
  select: SelectOptions,
  listener: string | null,
  listenerPort: number,
  listeners: ListenerVerdict[],
): GatewayApiExplanation {
  const sel = selectRule(routes, req, select);
  const decision: GatewayApiDecision =
    sel.winner === null
      ? errorDecision(req, { entry, listener }, 404, sel.noHostname ? 'NO_HOSTNAME' : 'NO_MATCH', null)
      : decide(sel.winner, req, { entry, listener, listenerPort, backends: { ...state.backends, mesh: entry.kind === 'Service' } });
  return { decision, listeners, candidates: sel.ranked };
}

/**
 * GRPCRoutes and HTTPRoutes are never merged ([GR]). A gRPC request is routed by the GRPCRoutes
 * that serve its host on that listener when there are any, else by the HTTPRoutes; other requests
 * only by HTTPRoutes.
 */
function routesFor(req: NormalizedRequest, attachments: readonly Attachment[]): Attachment[] {
  const http = attachments.filter((a) => a.route.ref.kind === 'HTTPRoute');
  if (req.protocol !== 'grpc') return http;
  const grpc = attachments.filter((a) => a.route.ref.kind === 'GRPCRoute' && hostnameScore(a.hostnames, req.host) !== null);
  return grpc.length > 0 ? grpc : http;
}

/** GAMMA: a Service port without routes is reached as the Service itself (the mesh default, [MESH]). */
function toService(entry: Extract<GatewayApiEntry, { kind: 'Service' }>, req: NormalizedRequest): GatewayApiDecision {
  return {
    entry,
    listener: null,
    outcome: 'forward',
    matched: null,
    backends: [{ group: '', kind: 'Service', namespace: entry.namespace, name: entry.name, port: entry.port, weight: 1, probability: 1, valid: true, invalidReason: null }],
    path: req.path + req.query,
    authority: req.authority,
    headerEdits: [],
    timeouts: { requestMs: null, backendRequestMs: null },
    retry: null,
    grpc: null,
  };
}
