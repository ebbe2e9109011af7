import type { KnowledgeInput } from './types';

/** Architectural patterns: Part IV, Part VI, Part XVI, Appendix C, Appendix F. */
export const PATTERNS: KnowledgeInput[] = [
  {
    id: 'layered-architecture',
    title: 'Layered architecture',
    aliases: ['layered architecture', 'layered', 'layers', 'presentation layer', 'application layer', 'domain layer', 'infrastructure layer'],
    summary:
      'The system is stacked in layers, classically presentation, application, domain and infrastructure, from the user-facing surface down to persistence and external systems. ' +
      'A layer may use the ones below it and never the ones above. ' +
      'In a manifest, `layers` lists them top to bottom and each component names its `layer`.',
    reference: 'Part IV §1, The Layered Architecture',
    related: ['dependency-direction', 'hexagonal-architecture', 'axiom-1'],
    rules: ['layer-direction', 'unknown-reference'],
  },
  {
    id: 'hexagonal-architecture',
    title: 'Hexagonal architecture (ports and adapters)',
    aliases: ['hexagonal architecture', 'hexagonal', 'ports and adapters', 'ports & adapters', 'adapter', 'adapters'],
    summary:
      'The domain sits in the middle and knows nothing about databases, queues, user interfaces or APIs. ' +
      'Adapters at the edge translate between those outside systems and the core, which reaches them only through ports it defines. ' +
      'With `style: hexagonal`, the layer named `domain` (or `core`) is the core and must not depend on anything outside it.',
    reference: 'Part IV §2, The Hexagonal Architecture',
    related: ['layered-architecture', 'dependency-direction'],
    rules: ['core-independence'],
  },
  {
    id: 'event-driven-architecture',
    title: 'Event-driven architecture',
    aliases: ['event-driven architecture', 'event driven', 'event-driven', 'event bus', 'domain event', 'domain events', 'integration event', 'integration events'],
    summary:
      'Producers publish events to a bus and any number of consumers react to them. ' +
      'Producer and consumer need not be running at the same moment, scale independently, and a broken consumer does not take the producer down. ' +
      'The framework separates domain events (business facts) from integration events (published at a service boundary) and asks for versioned event envelopes.',
    reference: 'Part IV §3, The Event-Driven Architecture; Appendix C §2, Event-Driven Architecture',
    related: ['asynchronous-communication', 'delivery-guarantees', 'transactional-outbox', 'event-sourcing', 'saga-choreography'],
    rules: ['delivery-idempotency', 'dead-letter'],
  },
  {
    id: 'cqrs',
    title: 'CQRS (command query responsibility segregation)',
    aliases: ['CQRS', 'command query responsibility segregation', 'read model', 'write model'],
    summary:
      'Writes (commands) and reads (queries) go to separate models: the write model is the source of truth and feeds one or more read models shaped for querying. ' +
      'It pays off when reading and writing differ a lot in shape or volume; it also lets you keep writes normalised while reads are denormalised.',
    reference: 'Part IV §4, The CQRS Pattern',
    related: ['event-sourcing', 'normalization', 'eventual-consistency'],
    rules: [],
  },
  {
    id: 'event-sourcing',
    title: 'Event sourcing',
    aliases: ['event sourcing', 'event-sourced', 'event store'],
    summary:
      'Instead of saving the current state, the system saves every event that changed it and computes the state by replaying them. ' +
      'You gain a full audit trail, questions about past states, reproducible bugs and new projections for free; you pay with event schema evolution, growing storage, harder queries and a learning curve. ' +
      'Worth it when audit or temporal queries matter and the domain really is made of events; not for plain CRUD.',
    reference: 'Part XVI §1, Event Sourcing',
    related: ['cqrs', 'event-driven-architecture', 'event-streaming'],
    rules: [],
  },
  {
    id: 'saga',
    title: 'Saga',
    aliases: ['saga', 'sagas', 'saga pattern', 'compensating transaction', 'compensating transactions', 'compensating action'],
    summary:
      'A business transaction that spans services is cut into local steps, each with a compensating step that undoes it. ' +
      'When a later step fails, the compensations run in reverse order, so no distributed lock or two-phase commit is needed. ' +
      'The steps are coordinated either by events (choreography) or by a central orchestrator.',
    reference: 'Part XVI §2, Saga Pattern; Appendix A §4, Distributed Transactions',
    related: ['saga-choreography', 'saga-orchestration', 'two-phase-commit'],
    rules: [],
  },
  {
    id: 'saga-choreography',
    title: 'Choreography saga',
    aliases: ['choreography', 'choreography saga', 'choreographed saga'],
    summary:
      'Every service listens for the events of the previous step and publishes its own; on failure it publishes compensating events. ' +
      'Coupling stays loose and there is no central party, but the flow is spread over many services, which makes it harder to see and to debug.',
    reference: 'Part XVI §2, Choreography Saga',
    related: ['saga', 'saga-orchestration', 'event-driven-architecture'],
    rules: [],
  },
  {
    id: 'saga-orchestration',
    title: 'Orchestration saga',
    aliases: ['orchestration', 'orchestration saga', 'orchestrator'],
    summary:
      'A coordinator drives the workflow: it calls each participant in turn, collects the results and triggers compensations when a step fails. ' +
      'The flow is visible in one place and easier to debug, at the price of tighter coupling to the orchestrator, where the complexity now lives.',
    reference: 'Part XVI §2, Orchestration Saga',
    related: ['saga', 'saga-choreography'],
    rules: [],
  },
  {
    id: 'two-phase-commit',
    title: 'Two-phase commit',
    aliases: ['two-phase commit', '2PC', 'three-phase commit', '3PC', 'distributed transaction', 'distributed transactions'],
    summary:
      'A coordinator first asks every participant whether it can commit and then tells all of them to commit or abort. ' +
      'Participants block when the coordinator dies, the coordinator is a single point of failure, and it costs at least two round trips; the three-phase variant reduces blocking but not every partition problem. ' +
      'The framework prefers sagas.',
    reference: 'Appendix A §4, Distributed Transactions',
    related: ['saga', 'cap-theorem'],
    rules: [],
  },
  {
    id: 'strangler-fig',
    title: 'Strangler fig',
    aliases: ['strangler fig', 'strangler', 'strangler pattern', 'big-bang rewrite'],
    summary:
      'A legacy system is replaced piece by piece: a proxy first sends everything to the old system, then routes one feature at a time to the new one, until the old one can be switched off. ' +
      'No big-bang rewrite, parity before each switch, traffic moved gradually, and a way back at every step.',
    reference: 'Part XVI §3, Strangler Fig Pattern',
    related: ['system-lifecycle', 'reversibility', 'microservices'],
    rules: [],
  },
  {
    id: 'sidecar',
    title: 'Sidecar',
    aliases: ['sidecar', 'sidecars', 'sidecar pattern', 'sidecar proxy'],
    summary:
      'A helper process runs next to the application (in the same pod) and takes care of cross-cutting work such as logs and metrics, configuration, TLS termination, authentication or mesh proxying. ' +
      'It can be written in another language, has its own lifecycle and gives every service the same infrastructure.',
    reference: 'Part XVI §4, Sidecar Pattern',
    related: ['service-mesh', 'ambassador'],
    rules: [],
  },
  {
    id: 'ambassador',
    title: 'Ambassador',
    aliases: ['ambassador', 'ambassador pattern', 'ambassador proxy'],
    summary:
      'A local proxy handles the application\'s outgoing connections to an external service: pooling, retries, circuit breaking, timeouts and protocol translation. ' +
      'The application code stays simple and the connection policy lives in one place.',
    reference: 'Part XVI §5, Ambassador Pattern',
    related: ['sidecar', 'circuit-breaker', 'retry-backoff', 'timeouts'],
    rules: [],
  },
  {
    id: 'api-gateway',
    title: 'API gateway',
    aliases: ['API gateway', 'gateway', 'gateways'],
    summary:
      'A single entry point in front of the services that routes requests and takes on shared concerns: authentication and authorisation, rate limiting, transforming requests and responses, caching and monitoring. ' +
      'Options range from managed gateways (convenient, but lock-in) to self-built ones (full control, full maintenance). ' +
      'In a manifest a gateway is a component with `kind: gateway`.',
    reference: 'Appendix C §3, API Gateway Pattern',
    related: ['defense-in-depth', 'service-mesh'],
    rules: ['public-auth', 'health-check', 'single-instance'],
  },
  {
    id: 'service-mesh',
    title: 'Service mesh',
    aliases: ['service mesh', 'data plane', 'control plane', 'Istio', 'Linkerd'],
    summary:
      'Sidecar proxies next to every service form a data plane that carries all traffic and adds mutual TLS, load balancing, circuit breaking and telemetry. ' +
      'A control plane distributes configuration and certificates, discovers services and enforces policy. ' +
      'Meshes differ mainly in how much they do versus how hard they are to learn.',
    reference: 'Appendix C §4, Service Mesh; Part XXVI §4, Networking',
    related: ['sidecar', 'mtls', 'circuit-breaker'],
    rules: [],
  },
  {
    id: 'microservices',
    title: 'Microservices',
    aliases: ['microservices', 'microservice', 'microservice architecture'],
    summary:
      'The system is split into independently deployable services. ' +
      'The framework recommends this for large organisations where teams must scale, deploy and pick technology independently, and suggests getting there gradually from a modular monolith.',
    reference: 'Appendix C §1, Microservices vs Monolith',
    related: ['modular-monolith', 'strangler-fig', 'conways-law'],
    rules: [],
  },
  {
    id: 'modular-monolith',
    title: 'Modular monolith',
    aliases: ['modular monolith', 'monolith', 'monoliths'],
    summary:
      'One deployable unit organised internally into well-separated modules. ' +
      'The framework sees it as the right start for small teams in a well-understood domain with tight deadlines and simple deployment, and as the first step of a migration towards services: find the boundaries, then extract incrementally.',
    reference: 'Appendix C §1, Microservices vs Monolith',
    related: ['microservices', 'strangler-fig'],
    rules: [],
  },
  {
    id: 'serverless',
    title: 'Serverless',
    aliases: ['serverless', 'function as a service', 'FaaS', 'cold start', 'cold starts'],
    summary:
      'Code runs as functions started on demand by the platform. ' +
      'It suits spiky or low traffic, event-driven work and prototypes; it suits poorly steady heavy traffic, long-running work, complex state and tight latency targets, because of cold starts. ' +
      'In a manifest such a component has `kind: function`.',
    reference: 'Appendix F §3, Serverless Architecture',
    related: ['event-driven-architecture'],
    rules: [],
  },
  {
    id: 'synchronous-communication',
    title: 'Synchronous communication',
    aliases: ['synchronous communication', 'synchronous call', 'synchronous calls', 'request-response', 'request/response', 'cascading failure', 'cascading failures'],
    summary:
      'The caller waits for the answer, as with HTTP/REST or gRPC. ' +
      'Easy to reason about, but caller and callee are tightly coupled and a slow or failing callee can drag its callers down with it. ' +
      'In a manifest, `via: http`, `grpc`, `graphql` and `database` are synchronous and need timeouts.',
    reference: 'Part VI §1, Synchronous Communication',
    related: ['timeouts', 'circuit-breaker', 'rest', 'grpc', 'asynchronous-communication'],
    rules: ['sync-timeout', 'timeout-budget', 'circuit-breaker'],
  },
  {
    id: 'asynchronous-communication',
    title: 'Asynchronous communication',
    aliases: ['asynchronous communication', 'asynchronous messaging', 'async messaging', 'fire-and-forget', 'fire and forget', 'load leveling', 'load levelling'],
    summary:
      'The sender hands a message to a queue or log and carries on without waiting. ' +
      'This decouples the two sides in time, smooths load peaks and, properly configured, guarantees delivery; logs additionally allow replay and many consumers. ' +
      'In a manifest, `via: event` and `via: queue` go through a channel.',
    reference: 'Part VI §2, Asynchronous Communication; Part VI §3, Communication Patterns',
    related: ['message-queue', 'event-streaming', 'publish-subscribe', 'delivery-guarantees'],
    rules: ['delivery-idempotency', 'dead-letter'],
  },
  {
    id: 'message-queue',
    title: 'Message queue (competing consumers)',
    aliases: ['message queue', 'message queues', 'work queue', 'competing consumers'],
    summary:
      'Producers put messages on a queue and consumers take them off; with several consumers, each message goes to exactly one of them. ' +
      'Queues level load and let producer and consumer run at different times. In a manifest this is a channel with `kind: queue`.',
    reference: 'Part XIX §4, Message Queue Patterns; Part VI §2, Asynchronous Communication',
    related: ['publish-subscribe', 'asynchronous-communication', 'dead-letter'],
    rules: ['dead-letter'],
  },
  {
    id: 'publish-subscribe',
    title: 'Publish/subscribe',
    aliases: ['publish-subscribe', 'publish/subscribe', 'pub/sub', 'pubsub', 'topic', 'topics'],
    summary:
      'A message published once reaches every subscriber, each usually through its own queue. ' +
      'Good for notifications and fan-out of updates. In a manifest this is a channel with `kind: topic`.',
    reference: 'Part XIX §4, Message Queue Patterns; Part VI §3, Communication Patterns',
    related: ['message-queue', 'event-driven-architecture'],
    rules: ['dead-letter'],
  },
  {
    id: 'event-streaming',
    title: 'Event streaming (log)',
    aliases: ['event streaming', 'event stream', 'event log', 'stream', 'streams', 'replay'],
    summary:
      'Events are appended to a durable log that many consumers read at their own pace and can read again from any point. ' +
      'This enables history replay and event sourcing. In a manifest this is a channel with `kind: stream`.',
    reference: 'Part VI §2, Asynchronous Communication',
    related: ['event-sourcing', 'message-queue', 'publish-subscribe'],
    rules: [],
  },
  {
    id: 'rest',
    title: 'HTTP/REST',
    aliases: ['REST', 'RESTful', 'HTTP API', 'HTTP/REST'],
    summary:
      'Request and response over HTTP, organised around resources named by nouns, with the HTTP methods and status codes carrying their standard meaning. ' +
      'Simple to understand, but synchronous, so callers need timeouts and protection against a failing server.',
    reference: 'Part VI §1, Synchronous Communication; Part XVIII §1, REST Design Guidelines',
    related: ['synchronous-communication', 'grpc', 'graphql'],
    rules: ['sync-timeout'],
  },
  {
    id: 'grpc',
    title: 'gRPC',
    aliases: ['gRPC', 'protobuf', 'protocol buffers'],
    summary:
      'Remote calls with binary Protocol Buffers messages: compact, strongly typed, with streaming in both directions. ' +
      'It is still a synchronous call, so it needs timeouts like any other; proto files should be versioned so old clients keep working.',
    reference: 'Part VI §1, Synchronous Communication; Part XVIII §3, gRPC Design Guidelines',
    related: ['synchronous-communication', 'rest'],
    rules: ['sync-timeout'],
  },
  {
    id: 'graphql',
    title: 'GraphQL',
    aliases: ['GraphQL', 'N+1 problem', 'N+1'],
    summary:
      'Clients ask for exactly the fields they need from a typed schema. ' +
      'The classic trap is the N+1 problem, where one query fans out into a database call per item; batching loaders avoid it.',
    reference: 'Part XVIII §2, GraphQL Design Guidelines',
    related: ['rest', 'synchronous-communication'],
    rules: ['sync-timeout'],
  },
  {
    id: 'websocket',
    title: 'WebSocket',
    aliases: ['WebSocket', 'WebSockets', 'web socket'],
    summary:
      'A long-lived connection on which both client and server can send at any time. ' +
      'Scaling beyond one server needs sticky sessions or shared state (for example a pub/sub broker behind the servers).',
    reference: 'Part XIX §1, WebSocket Architecture',
    related: ['server-sent-events', 'publish-subscribe'],
    rules: [],
  },
  {
    id: 'server-sent-events',
    title: 'Server-sent events (SSE)',
    aliases: ['server-sent events', 'SSE', 'long polling'],
    summary:
      'The server streams events to the client over an ordinary HTTP response. ' +
      'Simpler than WebSocket and reconnects automatically, but only one way and limited in connections per domain; long polling is the fallback when neither works.',
    reference: 'Part XIX §2, Server-Sent Events (SSE)',
    related: ['websocket'],
    rules: [],
  },
];
