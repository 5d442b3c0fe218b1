// What the stacks promise, read from the synthesized templates (aws-cdk-lib/assertions).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { App } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { readConfig } from '../lib/config.ts'
import { pagePolicy } from '../lib/page-policy.ts'
import { IMMUTABLE, NO_CACHE } from '../lib/web.ts'
import { fullApp, plainApp } from './apps.ts'

const main = () => Template.fromStack(fullApp().stacks.main)
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6'

type Res = { Type: string; Properties: Record<string, any> }
function resources(t: Template, type: string): Res[] {
  return Object.values(t.findResources(type)) as Res[]
}

test('web: private bucket read by CloudFront through origin access control, HTTPS only', () => {
  const t = main()
  t.hasResourceProperties('AWS::S3::Bucket', {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
  })
  t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2) // the site bucket and its replica
  const [dist] = resources(t, 'AWS::CloudFront::Distribution')
  const config = dist.Properties.DistributionConfig
  const behaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors]
  for (const b of behaviors) assert.notEqual(b.ViewerProtocolPolicy, 'allow-all')
  assert.equal(config.ViewerCertificate.MinimumProtocolVersion, 'TLSv1.2_2021')
  // index.html (the default behavior) is never cached; hashed assets are, for a year.
  assert.equal(config.DefaultCacheBehavior.CachePolicyId, CACHING_DISABLED)
  const assets = config.CacheBehaviors.find((b: any) => b.PathPattern === 'assets/*')
  assert.equal(assets.CachePolicyId, CACHING_OPTIMIZED)
  const api = config.CacheBehaviors.find((b: any) => b.PathPattern === 'api/*')
  assert.equal(api.CachePolicyId, CACHING_DISABLED)
  assert.ok(api.AllowedMethods.includes('POST'))
  // A failover origin group: the replica bucket in the second region.
  assert.equal(config.OriginGroups.Quantity, 1)
  assert.equal(config.Logging, undefined, 'no access logs: they would hold visitor addresses')
})

test('web: the page policy and security headers as response-headers policies, caching per path', () => {
  const t = main()
  const policies = resources(t, 'AWS::CloudFront::ResponseHeadersPolicy').map((r) => r.Properties.ResponseHeadersPolicyConfig)
  assert.equal(policies.length, 2)
  const csp = pagePolicy()
  assert.match(csp, /connect-src 'self';/)
  assert.match(csp, /frame-ancestors 'none'$/)
  const cacheControl = policies.map((p) => {
    const sec = p.SecurityHeadersConfig
    assert.equal(sec.ContentSecurityPolicy.ContentSecurityPolicy, csp)
    assert.equal(sec.FrameOptions.FrameOption, 'DENY')
    assert.equal(sec.ReferrerPolicy.ReferrerPolicy, 'no-referrer')
    assert.ok(sec.StrictTransportSecurity.AccessControlMaxAgeSec >= 31536000)
    assert.equal(sec.ContentTypeOptions.Override, true)
    return p.CustomHeadersConfig.Items.find((h: any) => h.Header === 'Cache-Control').Value
  })
  assert.deepEqual(cacheControl.sort(), [NO_CACHE, IMMUTABLE].sort())
})

test('service: at least 2 Fargate tasks in private subnets of 2 zones, behind the ALB, checked on /readyz', () => {
  const t = main()
  t.hasResourceProperties('AWS::ECS::Service', {
    DesiredCount: 2,
    LaunchType: 'FARGATE',
    NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
  })
  const [ecsService] = resources(t, 'AWS::ECS::Service')
  assert.equal(ecsService.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets.length, 2)
  t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/readyz', Port: 8080 })
  const subnets = resources(t, 'AWS::EC2::Subnet').filter((s) => s.Properties.Tags?.some((x: any) => x.Value === 'app'))
  assert.equal(subnets.length, 2)
  t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 6 })
  const metrics = resources(t, 'AWS::ApplicationAutoScaling::ScalingPolicy').map(
    (p) => p.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType,
  )
  assert.deepEqual(metrics.sort(), ['ALBRequestCountPerTarget', 'ECSServiceAverageCPUUtilization'])
  // No load balancer access logs: they would hold client addresses.
  const [alb] = resources(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
  const attributes = alb.Properties.LoadBalancerAttributes ?? []
  assert.ok(!attributes.some((a: any) => a.Key === 'access_logs.s3.enabled' && a.Value === 'true'))
  // The load balancer admits CloudFront's origin-facing addresses only.
  const ingress = resources(t, 'AWS::EC2::SecurityGroup').flatMap((g) => g.Properties.SecurityGroupIngress ?? [])
  assert.ok(!ingress.some((r: any) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0'), 'nothing open to the internet')
})

test('service: the database password comes from Secrets Manager, never the task definition; logs to CloudWatch', () => {
  const t = main()
  const tasks = resources(t, 'AWS::ECS::TaskDefinition')
  const serve = tasks.flatMap((d) => d.Properties.ContainerDefinitions).find((c: any) => c.Command?.[0] === 'serve')
  assert.ok(serve, 'the serve container')
  assert.ok(serve.Command.includes('--trust-proxy'))
  assert.equal(serve.Image['Fn::Join'][1].at(-1), ':0123456789abcdef')
  assert.deepEqual(serve.Secrets.map((s: any) => s.Name).sort(), ['PGPASSWORD', 'PGUSER'])
  for (const e of serve.Environment) assert.doesNotMatch(e.Name, /PASS|SECRET|KEY/)
  assert.equal(serve.LogConfiguration.LogDriver, 'awslogs')
  assert.equal(serve.User, '10001:10001')
  assert.equal(serve.ReadonlyRootFilesystem, true)
})

test('database: Aurora PostgreSQL Serverless v2, a writer and a reader, encrypted, deletion-protected', () => {
  const t = main()
  t.hasResourceProperties('AWS::RDS::DBCluster', {
    Engine: 'aurora-postgresql',
    StorageEncrypted: true,
    DeletionProtection: true,
    ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
    MasterUserPassword: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
  })
  const instances = resources(t, 'AWS::RDS::DBInstance')
  assert.equal(instances.length, 2)
  for (const i of instances) assert.equal(i.Properties.DBInstanceClass, 'db.serverless')
  assert.equal(JSON.stringify(resources(t, 'AWS::RDS::DBCluster')).includes('resolve:secretsmanager'), true)
})

test('IAM: the service task role has no permissions; secrets are readable by the execution roles, one secret only', () => {
  const t = main()
  const policies = resources(t, 'AWS::IAM::Policy')
  const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement.map((s: any) => ({ roles: JSON.stringify(p.Properties.Roles), ...s })))
  const secretReads = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')))
  assert.ok(secretReads.length >= 2)
  const secretIds = new Set(secretReads.map((s) => JSON.stringify(s.Resource)))
  assert.equal(secretIds.size, 1, 'one secret')
  for (const s of secretReads) assert.match(s.roles, /ExecutionRole/)
  assert.ok(!statements.some((s) => /CommunityTaskTaskRole/.test(s.roles)), 'the service task role holds no policy')
  assert.ok(!statements.some((s) => [s.Action].flat().some((a: string) => a === '*' || a.endsWith(':*'))), 'no wildcard actions')
  for (const type of ['AWS::IAM::User', 'AWS::IAM::AccessKey']) assert.equal(resources(t, type).length, 0)
})

test("IAM: the GitHub deploy role trusts this repository's main branch only and holds no keys", () => {
  const t = Template.fromStack(fullApp().stacks.deploy!)
  t.resourceCountIs('AWS::IAM::OIDCProvider', 1)
  t.resourceCountIs('AWS::IAM::AccessKey', 0)
  const [role] = resources(t, 'AWS::IAM::Role')
  const [statement] = role.Properties.AssumeRolePolicyDocument.Statement
  assert.equal(statement.Action, 'sts:AssumeRoleWithWebIdentity')
  assert.deepEqual(statement.Condition, {
    StringEquals: {
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:example-owner/chatlens:ref:refs/heads/main',
    },
  })
  const actions = resources(t, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()))
  assert.ok(!actions.some((a: string) => a.startsWith('iam:') || a === '*'))
})

test('warehouse feed: its bucket ages files out, the daily task may only add files under community/', () => {
  const t = main()
  t.hasResourceProperties('AWS::S3::Bucket', {
    LifecycleConfiguration: {
      Rules: Match.arrayWith([Match.objectLike({ Prefix: 'community/', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]),
    },
  })
  t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(30 0 * * ? *)' })
  const feed = resources(t, 'AWS::ECS::TaskDefinition').find((d) => d.Properties.ContainerDefinitions.some((c: any) => c.Command?.[0] === 'export-community'))
  assert.ok(feed)
  const names = feed.Properties.ContainerDefinitions.map((c: any) => c.Name).sort()
  assert.deepEqual(names, ['export', 'upload'])
  const feedPolicies = resources(t, 'AWS::IAM::Policy').filter((p) => /FeedTaskTaskRole/.test(JSON.stringify(p.Properties.Roles)))
  const actions = feedPolicies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()))
  assert.deepEqual(actions.sort(), ['s3:ListBucket', 's3:PutObject'])
})

test('default settings: no failover origin, no deploy role, still two tasks', () => {
  const { stacks } = plainApp()
  assert.equal(stacks.failover, undefined)
  assert.equal(stacks.deploy, undefined)
  const t = Template.fromStack(stacks.main)
  const [dist] = resources(t, 'AWS::CloudFront::Distribution')
  assert.equal(dist.Properties.DistributionConfig.OriginGroups, undefined)
  t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 })
})

test('settings: refused when they would break availability or make no sense', () => {
  const config = (context: Record<string, unknown>) => readConfig(new App({ context }).node)
  assert.throws(() => config({ desiredCount: 1 }), /at least 2/)
  assert.throws(() => config({ maxCount: 1 }), /maxCount/)
  assert.throws(() => config({ region: 'eu-west-1', failoverRegion: 'eu-west-1' }), /differ/)
  assert.throws(() => config({ githubRepository: 'not a repo' }), /OWNER\/NAME/)
  assert.throws(() => config({ domainName: 'x.example.org' }), /go together/)
  assert.equal(config({}).desiredCount, 2)
})
