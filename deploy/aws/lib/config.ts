// The deployment's settings, read from CDK context (`cdk deploy -c name=value`, or cdk.json).
// Everything has a default except what only the operator can know (the GitHub repository, a
// domain); the README lists them.
import type { Node } from 'constructs'

export interface ChatlensConfig {
  /** The region of the service, the database, the feed bucket and the web bucket. */
  region: string
  /** A second region holding a replica of the web bucket as CloudFront's failover origin. */
  failoverRegion?: string
  /** Community service tasks: at least 2, spread over 2 availability zones. */
  desiredCount: number
  maxCount: number
  /** The tag of the chatlens image in the ChatlensRegistry repository (CI pushes the commit's SHA). */
  imageTag: string
  /** OWNER/NAME of the GitHub repository whose main branch may deploy (the OIDC deploy role). */
  githubRepository?: string
  /** A custom domain with its ACM certificate in us-east-1 (both or neither). */
  domainName?: string
  certificateArn?: string
  /** The built web app (web/dist) to upload with the stack; without it the bucket is left as it is. */
  webDist?: string
}

function text(node: Node, key: string): string | undefined {
  const v = node.tryGetContext(key)
  return v === undefined || v === null || v === '' ? undefined : String(v)
}

function count(node: Node, key: string, fallback: number): number {
  const v = text(node, key)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new Error(`context ${key} must be a positive integer, not "${v}"`)
  return n
}

export function readConfig(node: Node): ChatlensConfig {
  const config: ChatlensConfig = {
    region: text(node, 'region') ?? 'eu-west-1',
    failoverRegion: text(node, 'failoverRegion'),
    desiredCount: count(node, 'desiredCount', 2),
    maxCount: count(node, 'maxCount', 6),
    imageTag: text(node, 'imageTag') ?? 'latest',
    githubRepository: text(node, 'githubRepository'),
    domainName: text(node, 'domainName'),
    certificateArn: text(node, 'certificateArn'),
    webDist: text(node, 'webDist'),
  }
  if (config.desiredCount < 2) throw new Error('context desiredCount must be at least 2 (two availability zones)')
  if (config.maxCount < config.desiredCount) throw new Error('context maxCount must be at least desiredCount')
  if (config.failoverRegion === config.region) throw new Error('context failoverRegion must differ from region')
  if (config.githubRepository && !/^[\w.-]+\/[\w.-]+$/.test(config.githubRepository))
    throw new Error(`context githubRepository must be OWNER/NAME, not "${config.githubRepository}"`)
  if (!config.domainName !== !config.certificateArn) throw new Error('context domainName and certificateArn go together (the certificate in us-east-1)')
  return config
}
