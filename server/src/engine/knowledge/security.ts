import type { KnowledgeInput } from './types';

/** Security and compliance: Part IX, Part XXII, Part XXVIII. */
export const SECURITY: KnowledgeInput[] = [
  {
    id: 'defense-in-depth',
    title: 'Defense in depth',
    aliases: ['defense in depth', 'defence in depth', 'exposure', 'perimeter'],
    summary:
      'Security comes in nested layers, so one broken control is not the end: the network (firewalls, DDoS protection), transport (TLS, certificate checks), ' +
      'application (authentication, authorisation) and the data itself (encryption at rest). ' +
      'A component\'s `exposure` (public, internal, private) says which outer layers stand in front of it.',
    reference: 'Part IX §1, Defense in Depth',
    related: ['authentication-patterns', 'transport-security', 'encryption-at-rest'],
    rules: ['public-auth', 'transport-security'],
  },
  {
    id: 'authentication-patterns',
    title: 'Authentication patterns',
    aliases: ['authentication', 'authentication pattern', 'authentication patterns', 'authn', 'API key', 'API keys'],
    summary:
      'Who is calling? The framework lists server-side sessions for classic web apps, signed tokens (JWT) for APIs and single-page apps, OAuth 2.0 for delegated third-party access, and mutual TLS between services. ' +
      'A publicly exposed component must authenticate its callers; static API keys are not among the framework\'s patterns and are best kept for low-risk integrations.',
    reference: 'Part IX §2, Authentication Patterns; Part XXVIII §2, Authentication',
    related: ['session-authentication', 'jwt', 'oauth2', 'mtls', 'authorization-models'],
    rules: ['public-auth', 'token-lifetime'],
  },
  {
    id: 'session-authentication',
    title: 'Session-based authentication',
    aliases: ['session-based authentication', 'session cookie', 'session cookies', 'server-side session'],
    summary:
      'After login the server keeps a session record and the browser sends its identifier with every request. ' +
      'Simple and easy to revoke, but the server holds state, which has to be shared or kept sticky when scaling out.',
    reference: 'Part IX §2, Authentication Patterns',
    related: ['authentication-patterns', 'jwt'],
    rules: ['public-auth'],
  },
  {
    id: 'jwt',
    title: 'Token-based authentication (JWT)',
    aliases: ['JWT', 'JWTs', 'JSON Web Token', 'JSON Web Tokens', 'bearer token', 'bearer tokens', 'token lifetime'],
    summary:
      'A signed token carries the caller\'s identity and claims, so services can verify it without a session store. ' +
      'Because a token cannot easily be revoked, keep its lifetime short (15 minutes to an hour), sign with asymmetric keys across services and check every claim. ' +
      'In a manifest: `auth: jwt` with a `tokenLifetime`.',
    reference: 'Part XXVIII §2, Token-Based (JWT); Part IX §2, Authentication Patterns',
    related: ['authentication-patterns', 'oauth2'],
    rules: ['token-lifetime', 'public-auth'],
  },
  {
    id: 'oauth2',
    title: 'OAuth 2.0',
    aliases: ['OAuth', 'OAuth 2.0', 'OAuth2', 'PKCE', 'client credentials', 'authorization code'],
    summary:
      'A protocol for delegated access: a user lets an application act for them without handing over a password. ' +
      'Web and mobile apps should use the authorisation-code flow with PKCE, machine-to-machine calls the client-credentials flow. Powerful, but with moving parts.',
    reference: 'Part XXVIII §2, OAuth 2.0; Part IX §2, Authentication Patterns',
    related: ['jwt', 'authentication-patterns'],
    rules: ['token-lifetime'],
  },
  {
    id: 'mtls',
    title: 'Mutual TLS (mTLS)',
    aliases: ['mTLS', 'mutual TLS', 'client certificate', 'client certificates'],
    summary:
      'Both sides of a connection present certificates, so each service proves its identity to the other while the traffic is encrypted. ' +
      'The usual choice between services; the cost is issuing and rotating certificates, which a service mesh can automate.',
    reference: 'Part IX §2, Authentication Patterns; Appendix C §4, Service Mesh',
    related: ['service-mesh', 'transport-security', 'authentication-patterns'],
    rules: ['public-auth', 'transport-security'],
  },
  {
    id: 'authorization-models',
    title: 'Authorisation models (RBAC, ABAC, ReBAC)',
    aliases: ['authorization', 'authorisation', 'authorization model', 'authorization models', 'access control', 'authz'],
    summary:
      'Once the caller is known, something decides what it may do. Roles (RBAC) are simple and moderately flexible; attributes of user, resource and context (ABAC) are more expressive; ' +
      'relationships between users and objects (ReBAC) are the most flexible. Choose the simplest model that expresses your policies.',
    reference: 'Part IX §3, Authorization Models',
    related: ['rbac', 'abac', 'rebac', 'authentication-patterns'],
    rules: [],
  },
  {
    id: 'rbac',
    title: 'Role-based access control (RBAC)',
    aliases: ['RBAC', 'role-based access control', 'role-based access'],
    summary:
      'Permissions are attached to roles and users receive roles. Easy to understand and audit, with medium flexibility; it strains when rules depend on the data or context.',
    reference: 'Part IX §3, Authorization Models',
    related: ['authorization-models', 'abac', 'rebac'],
    rules: [],
  },
  {
    id: 'abac',
    title: 'Attribute-based access control (ABAC)',
    aliases: ['ABAC', 'attribute-based access control', 'attribute-based access'],
    summary:
      'Decisions are policies over attributes of the user, the resource and the situation (department, data classification, time of day). ' +
      'Highly flexible, at the cost of policies that are harder to reason about.',
    reference: 'Part IX §3, Authorization Models',
    related: ['authorization-models', 'rbac', 'rebac'],
    rules: [],
  },
  {
    id: 'rebac',
    title: 'Relationship-based access control (ReBAC)',
    aliases: ['ReBAC', 'relationship-based access control', 'relationship-based access'],
    summary:
      'Access follows relationships in a graph: whoever owns, belongs to or was shared a resource may act on it. ' +
      'The most flexible of the three models, well suited to sharing and collaboration features.',
    reference: 'Part IX §3, Authorization Models',
    related: ['authorization-models', 'rbac', 'abac'],
    rules: [],
  },
  {
    id: 'transport-security',
    title: 'Encryption in transit (TLS)',
    aliases: ['TLS', 'encryption in transit', 'transport security', 'HTTPS'],
    summary:
      'Assume any network traffic can be read or altered, inside the datacenter too, and encrypt it with TLS everywhere. ' +
      'In a manifest `tls: false` on a component or a network dependency is flagged.',
    reference: 'Part IX §1, Defense in Depth; Appendix A §1, The Fallacies of Distributed Computing',
    related: ['mtls', 'defense-in-depth', 'fallacies-of-distributed-computing'],
    rules: ['transport-security'],
  },
  {
    id: 'cryptography',
    title: 'Recommended cryptography',
    aliases: ['cryptography', 'AES-256-GCM', 'AES-GCM', 'Ed25519', 'X25519', 'recommended algorithms'],
    summary:
      'The framework\'s 2025 defaults: AES-256-GCM for symmetric encryption, Argon2id for password hashing, Ed25519 for signatures and X25519 for key exchange. ' +
      'Use well-reviewed libraries for these rather than anything home-made.',
    reference: 'Part XXVIII §3, Recommended Algorithms (2025)',
    related: ['broken-cryptography', 'password-hashing', 'encryption-at-rest'],
    rules: ['weak-crypto', 'password-hashing'],
  },
  {
    id: 'broken-cryptography',
    title: 'Broken and weak cryptography',
    aliases: ['broken cryptography', 'weak cryptography', 'weak crypto', 'MD5', 'SHA-1', 'SHA1', 'DES', '3DES', 'triple DES', 'RC4'],
    summary:
      'MD5 and SHA-1 have practical collisions and count as broken; DES and 3DES are too weak; RC4 leaks its key stream. ' +
      'None of them belong in a field that names an algorithm or a password hash; replace them with the recommended ones.',
    reference: 'Part XXVIII §3, What to Avoid',
    related: ['cryptography', 'password-hashing'],
    rules: ['weak-crypto'],
  },
  {
    id: 'password-hashing',
    title: 'Password hashing',
    aliases: ['password hashing', 'password hash', 'Argon2id', 'Argon2', 'bcrypt', 'scrypt'],
    summary:
      'Passwords are stored only as the output of a deliberately slow, salted, memory-hard function, so a stolen table is expensive to crack. ' +
      'The framework recommends Argon2id; scrypt and bcrypt are acceptable, fast general-purpose hashes are not.',
    reference: 'Part XXVIII §3, Recommended Algorithms (2025)',
    related: ['cryptography', 'broken-cryptography'],
    rules: ['password-hashing', 'weak-crypto'],
  },
  {
    id: 'encryption-at-rest',
    title: 'Encryption at rest',
    aliases: ['encryption at rest', 'encrypted at rest', 'at-rest encryption', 'data layer encryption'],
    summary:
      'The innermost layer of defense: stored data is encrypted, so a stolen disk, snapshot or backup does not expose it. ' +
      'Confidential and restricted data (and anything holding personal data) must have it. In a manifest: `encryption.atRest: true` on the datastore.',
    reference: 'Part IX §1, Defense in Depth; Part XXII §1, Data Classification',
    related: ['data-classification', 'defense-in-depth', 'cryptography'],
    rules: ['encryption-at-rest'],
  },
  {
    id: 'data-classification',
    title: 'Data classification',
    aliases: ['data classification', 'classification', 'public data', 'internal data', 'confidential data', 'restricted data', 'PII', 'personal data', 'personally identifiable information'],
    summary:
      'Data is sorted into four levels, each with stronger controls: public (none), internal (company only, authentication), confidential (such as customer data: encryption and role-based access) ' +
      'and restricted (personal or financial data: encryption, audit logs and multi-factor authentication). ' +
      'In a manifest: a datastore\'s `classification` and `pii`.',
    reference: 'Part XXII §1, Data Classification',
    related: ['encryption-at-rest', 'audit-logging', 'regulatory-requirements'],
    rules: ['encryption-at-rest', 'audit-log'],
  },
  {
    id: 'audit-logging',
    title: 'Audit logging',
    aliases: ['audit log', 'audit logs', 'audit logging', 'audit trail', 'audit trails'],
    summary:
      'Every access to sensitive data is recorded: who, what action, which resource, when, from where and with what result. ' +
      'The records are kept for years, depending on regulation, and must be tamper-evident. In a manifest: `auditLog: true` on restricted or personal-data datastores.',
    reference: 'Part XXII §3, Audit Logging Requirements',
    related: ['data-classification', 'regulatory-requirements'],
    rules: ['audit-log'],
  },
  {
    id: 'regulatory-requirements',
    title: 'Regulatory requirements',
    aliases: ['GDPR', 'CCPA', 'HIPAA', 'PCI-DSS', 'PCI DSS', 'SOC 2', 'compliance'],
    summary:
      'Laws and standards add concrete duties depending on the data and the users: consent, erasure and portability (GDPR), disclosure and opt-out (CCPA), ' +
      'protection of health records (HIPAA), encryption and segmentation for card data (PCI-DSS), security and availability controls for service providers (SOC 2). ' +
      'Classifying data first makes it clear which of these apply where.',
    reference: 'Part XXII §2, Regulatory Requirements',
    related: ['data-classification', 'audit-logging'],
    rules: [],
  },
  {
    id: 'threat-modeling',
    title: 'Threat modelling (STRIDE)',
    aliases: ['threat model', 'threat modeling', 'threat modelling', 'STRIDE'],
    summary:
      'STRIDE names six threats and the control that answers each: spoofing (authentication), tampering (integrity checks), repudiation (audit logs), ' +
      'disclosure of information (encryption), denial of service (rate limiting) and elevation of privilege (authorisation). ' +
      'Walking each component and data flow through the six categories shows which controls are missing.',
    reference: 'Part XXVIII §1, Threat Modeling',
    related: ['authentication-patterns', 'authorization-models', 'audit-logging'],
    rules: [],
  },
];
