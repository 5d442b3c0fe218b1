// The stacks of the chatlens deployment (deploy/aws/README.md says in which order to deploy them):
//   ChatlensRegistry      the image repository (CI pushes the image here before deploying)
//   Chatlens              web app (S3 + CloudFront), community service (ECS + ALB), Aurora, feed
//   ChatlensWebFailover   the web bucket's replica in a second region (with -c failoverRegion=...)
//   ChatlensGithubDeploy  the OIDC deploy role for the repository's main branch (with -c githubRepository=...)
import { App, Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import * as ecr from 'aws-cdk-lib/aws-ecr'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as s3 from 'aws-cdk-lib/aws-s3'
import { NagSuppressions } from 'cdk-nag'
import type { Construct } from 'constructs'
import { privateBucket } from './buckets.ts'
import type { ChatlensConfig } from './config.ts'
import { Feed } from './feed.ts'
import { Service } from './service.ts'
import { Web } from './web.ts'

export const REPOSITORY_NAME = 'chatlens'
// The CDK bootstrap's default qualifier (`cdk bootstrap` without --qualifier).
export const CDK_QUALIFIER = 'hnb659fds'

export function replicaBucketName(region: string): string {
  return `chatlens-web-replica-${Aws.ACCOUNT_ID}-${region}`
}

export class RegistryStack extends Stack {
  readonly repository: ecr.Repository
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props)
    this.repository = new ecr.Repository(this, 'Repository', {
      repositoryName: REPOSITORY_NAME,
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.AES_256,
      lifecycleRules: [{ description: 'keep the last 30 images', maxImageCount: 30 }],
      removalPolicy: RemovalPolicy.RETAIN,
    })
  }
}

export interface ChatlensStackProps extends StackProps {
  config: ChatlensConfig
  repository: ecr.IRepository
}

export class ChatlensStack extends Stack {
  readonly service: Service
  readonly web: Web
  readonly feed: Feed
  constructor(scope: Construct, id: string, props: ChatlensStackProps) {
    super(scope, id, props)
    const { config } = props
    this.service = new Service(this, 'Community', { config, repository: props.repository })
    this.web = new Web(this, 'Web', {
      config,
      loadBalancer: this.service.loadBalancer,
      failoverBucketName: config.failoverRegion ? replicaBucketName(config.failoverRegion) : undefined,
    })
    this.feed = new Feed(this, 'Feed', this.service)
    if (config.failoverRegion) replicate(this, this.web.bucket, replicaBucketName(config.failoverRegion))

    new CfnOutput(this, 'Url', { value: `https://${config.domainName ?? this.web.distribution.distributionDomainName}/` })
    new CfnOutput(this, 'WebBucket', { value: this.web.bucket.bucketName })
    new CfnOutput(this, 'FeedBucket', { value: this.feed.bucket.bucketName })
    new CfnOutput(this, 'DatabaseSecret', { value: this.service.database.secret!.secretArn })
  }
}

// S3 replication of the site bucket into the failover region's replica.
function replicate(stack: Stack, source: s3.Bucket, replicaName: string) {
  const replicaArn = `arn:${Aws.PARTITION}:s3:::${replicaName}`
  const role = new iam.Role(stack, 'WebReplicationRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com') })
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
      resources: [source.bucketArn],
    }),
  )
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
      resources: [source.arnForObjects('*')],
    }),
  )
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
      resources: [`${replicaArn}/*`],
    }),
  )
  NagSuppressions.addResourceSuppressions(
    role,
    [{ id: 'AwsSolutions-IAM5', reason: 'Replication copies every object of the site bucket into its replica (object-level wildcards on those two buckets).' }],
    true,
  )
  const cfn = source.node.defaultChild as s3.CfnBucket
  cfn.replicationConfiguration = {
    role: role.roleArn,
    rules: [
      {
        id: 'failover',
        status: 'Enabled',
        priority: 1,
        filter: { prefix: '' },
        deleteMarkerReplication: { status: 'Enabled' },
        destination: { bucket: replicaArn },
      },
    ],
  }
}

export interface WebFailoverStackProps extends StackProps {
  primaryRegion: string
}

// The replica of the web bucket, in the failover region; CloudFront reads it through origin
// access control when the primary bucket fails.
export class WebFailoverStack extends Stack {
  readonly bucket: s3.Bucket
  constructor(scope: Construct, id: string, props: WebFailoverStackProps) {
    super(scope, id, props)
    const logs = privateBucket(this, 'AccessLogs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER })
    NagSuppressions.addResourceSuppressions(logs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' },
    ])
    this.bucket = privateBucket(this, 'Replica', {
      bucketName: replicaBucketName(this.region),
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'replica/',
    })
    // The distribution is created after this bucket (in the primary region's stack): the account's
    // distributions may read, through origin access control only.
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: { StringLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` } },
      }),
    )
  }
}

export interface GithubDeployStackProps extends StackProps {
  repository: string // OWNER/NAME
  regions: string[]
}

// The role GitHub Actions assumes with its OIDC token: only workflows of this repository running
// on its main branch; it may assume the CDK bootstrap roles (which deploy) and push images to the
// chatlens repository. No long-lived keys anywhere.
export class GithubDeployStack extends Stack {
  readonly role: iam.Role
  constructor(scope: Construct, id: string, props: GithubDeployStackProps) {
    super(scope, id, props)
    const issuer = 'token.actions.githubusercontent.com'
    const provider = new iam.OidcProviderNative(this, 'GithubOidc', {
      url: `https://${issuer}`,
      clientIds: ['sts.amazonaws.com'],
    })
    this.role = new iam.Role(this, 'DeployRole', {
      description: `GitHub Actions deploy role: ${props.repository}, main branch only`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${issuer}:aud`]: 'sts.amazonaws.com',
          [`${issuer}:sub`]: `repo:${props.repository}:ref:refs/heads/main`,
        },
      }),
    })
    const bootstrapRoles = props.regions.flatMap((region) =>
      ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map(
        (kind) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${CDK_QUALIFIER}-${kind}-role-${Aws.ACCOUNT_ID}-${region}`,
      ),
    )
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: bootstrapRoles }))
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:CompleteLayerUpload',
          'ecr:DescribeRepositories',
          'ecr:InitiateLayerUpload',
          'ecr:PutImage',
          'ecr:UploadLayerPart',
        ],
        resources: [`arn:${Aws.PARTITION}:ecr:${props.regions[0]}:${Aws.ACCOUNT_ID}:repository/${REPOSITORY_NAME}`],
      }),
    )
    this.role.addToPolicy(new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }))
    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'ecr:GetAuthorizationToken has no resource-level permission; every other statement names its resources.',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    )
    new CfnOutput(this, 'RoleArn', { value: this.role.roleArn, description: 'set as the repository variable AWS_DEPLOY_ROLE_ARN' })
  }
}

export interface ChatlensApp {
  registry: RegistryStack
  main: ChatlensStack
  failover?: WebFailoverStack
  deploy?: GithubDeployStack
}

export function buildStacks(app: App, config: ChatlensConfig): ChatlensApp {
  const account = process.env.CDK_DEFAULT_ACCOUNT
  const env = { account, region: config.region }
  const registry = new RegistryStack(app, 'ChatlensRegistry', { env, description: 'chatlens: image repository' })
  const main = new ChatlensStack(app, 'Chatlens', {
    env,
    config,
    repository: registry.repository,
    description: 'chatlens: web app, community service, database, warehouse feed',
    crossRegionReferences: false,
  })
  const failover = config.failoverRegion
    ? new WebFailoverStack(app, 'ChatlensWebFailover', {
        env: { account, region: config.failoverRegion },
        primaryRegion: config.region,
        description: 'chatlens: web bucket replica (failover origin)',
      })
    : undefined
  if (failover) main.addStackDependency(failover)
  const deploy = config.githubRepository
    ? new GithubDeployStack(app, 'ChatlensGithubDeploy', {
        env,
        repository: config.githubRepository,
        regions: [config.region, ...(config.failoverRegion ? [config.failoverRegion] : [])],
        description: 'chatlens: GitHub OIDC deploy role (main branch only)',
      })
    : undefined
  return { registry, main, failover, deploy }
}
