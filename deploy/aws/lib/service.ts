// The community service: N >= 2 stateless chatlens tasks (ECS Fargate) in two availability zones
// behind an Application Load Balancer that only CloudFront can reach, health-checked on /readyz,
// scaled on CPU and on requests; Aurora PostgreSQL Serverless v2 (a writer and a reader in
// different zones, encrypted, credentials in Secrets Manager); logs to CloudWatch.
//
// What is logged: chatlens writes its start-up lines and errors, never request bodies or client
// addresses (it does not keep them); the load balancer's access logs, which would, are off.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as ecr from 'aws-cdk-lib/aws-ecr'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as rds from 'aws-cdk-lib/aws-rds'
import * as cr from 'aws-cdk-lib/custom-resources'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import type { ChatlensConfig } from './config.ts'

export const SERVICE_PORT = 8080
export const DATABASE_NAME = 'chatlens'

export interface ServiceProps {
  config: ChatlensConfig
  repository: ecr.IRepository
}

export class Service extends Construct {
  readonly vpc: ec2.Vpc
  readonly cluster: ecs.Cluster
  readonly database: rds.DatabaseCluster
  readonly loadBalancer: elbv2.ApplicationLoadBalancer
  readonly service: ecs.FargateService
  readonly image: ecs.ContainerImage
  readonly logGroup: logs.LogGroup

  constructor(scope: Construct, id: string, props: ServiceProps) {
    super(scope, id)
    const { config } = props

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // Rejected connections only: accepted flows would list every address the service talks to.
      flowLogs: { rejected: { trafficType: ec2.FlowLogTrafficType.REJECT } },
    })

    this.database = new rds.DatabaseCluster(this, 'Database', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('writer', { publiclyAccessible: false }),
      // A reader in the other zone: Multi-AZ, promoted when the writer's zone fails.
      readers: [rds.ClusterInstance.serverlessV2('reader', { scaleWithWriter: true, publiclyAccessible: false })],
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 4,
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      credentials: rds.Credentials.fromGeneratedSecret('chatlens'),
      defaultDatabaseName: DATABASE_NAME,
      storageEncrypted: true,
      iamAuthentication: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      backup: { retention: Duration.days(7) },
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: logs.RetentionDays.ONE_MONTH,
    })
    NagSuppressions.addResourceSuppressions(
      this.database,
      [
        { id: 'AwsSolutions-RDS11', reason: 'The standard PostgreSQL port; the cluster is in isolated subnets and admits the service only.' },
        {
          id: 'AwsSolutions-SMG4',
          reason:
            'Tasks read the password when they start; a rotation would cut new connections of running tasks. Rotate by changing the secret and redeploying (deploy/aws/README.md).',
        },
      ],
      true,
    )

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    })
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    })

    this.image = ecs.ContainerImage.fromEcrRepository(props.repository, config.imageTag)
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    })
    const secret = this.database.secret!
    task.addContainer('chatlens', {
      image: this.image,
      // libpq takes the connection from PG* variables: the URL holds no password.
      command: [
        'serve',
        '--bind',
        '0.0.0.0',
        '--port',
        String(SERVICE_PORT),
        '--db',
        'postgresql://',
        '--trust-proxy',
        '--web',
        '/srv/chatlens/web',
        '--quiet',
      ],
      environment: {
        PGHOST: this.database.clusterEndpoint.hostname,
        PGPORT: this.database.clusterEndpoint.port.toString(),
        PGDATABASE: DATABASE_NAME,
        PGSSLMODE: 'require',
      },
      // Values injected at start by the execution role; the task definition names the secret only.
      secrets: {
        PGUSER: ecs.Secret.fromSecretsManager(secret, 'username'),
        PGPASSWORD: ecs.Secret.fromSecretsManager(secret, 'password'),
      },
      portMappings: [{ containerPort: SERVICE_PORT }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'chatlens' }),
      readonlyRootFilesystem: true,
      user: '10001:10001',
      healthCheck: {
        command: ['CMD', '/usr/local/bin/chatlens', 'healthcheck', '--url', `http://127.0.0.1:${SERVICE_PORT}/healthz`],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(10),
      },
    })
    NagSuppressions.addResourceSuppressions(
      task,
      [
        {
          id: 'AwsSolutions-ECS2',
          reason: 'The environment holds the database host, port, name and TLS mode only; the user name and password come from Secrets Manager.',
        },
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Execution role: ecr:GetAuthorizationToken has no resource-level permission (image pulls and the secret are limited to their ARNs).',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    )

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: task,
      desiredCount: config.desiredCount,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      availabilityZoneRebalancing: ecs.AvailabilityZoneRebalancing.ENABLED,
    })
    this.database.connections.allowDefaultPortFrom(this.service, 'chatlens tasks')

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      internetFacing: true,
      dropInvalidHeaderFields: true,
      http2Enabled: true,
    })
    NagSuppressions.addResourceSuppressions(this.loadBalancer, [
      { id: 'AwsSolutions-ELB2', reason: 'Access logs would record client addresses, which chatlens never keeps.' },
    ])
    // Only CloudFront reaches the load balancer: its origin-facing managed prefix list, looked up
    // at deploy time (its id differs per region).
    const prefixList = new cr.AwsCustomResource(this, 'CloudFrontPrefixList', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: { Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.global.cloudfront.origin-facing'] }] },
        physicalResourceId: cr.PhysicalResourceId.of('cloudfront-origin-facing'),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    })
    NagSuppressions.addResourceSuppressions(
      prefixList,
      [{ id: 'AwsSolutions-IAM5', reason: 'ec2:DescribeManagedPrefixLists cannot be limited to a resource.' }],
      true,
    )
    this.loadBalancer.connections.allowFrom(
      ec2.Peer.prefixList(prefixList.getResponseField('PrefixLists.0.PrefixListId')),
      ec2.Port.tcp(80),
      'CloudFront origin-facing addresses only',
    )
    const listener = this.loadBalancer.addListener('Http', { port: 80, open: false })
    const target = listener.addTargets('Tasks', {
      port: SERVICE_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: '/readyz',
        healthyHttpCodes: '200',
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    })

    const scaling = this.service.autoScaleTaskCount({ minCapacity: config.desiredCount, maxCapacity: config.maxCount })
    scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: 60,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    })
    scaling.scaleOnRequestCount('Requests', {
      requestsPerTarget: 1000,
      targetGroup: target,
      scaleInCooldown: Duration.minutes(5),
      scaleOutCooldown: Duration.minutes(1),
    })

    NagSuppressions.addStackSuppressions(Stack.of(this), [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'Roles created by aws-cdk-lib for its own handlers (custom resources) use the AWS managed Lambda basic execution policy.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      { id: 'AwsSolutions-L1', reason: 'The runtime of aws-cdk-lib handlers is chosen by aws-cdk-lib, pinned in package.json.' },
    ])
    // The handler aws-cdk-lib uses to set the retention of the database's log group.
    NagSuppressions.addResourceSuppressionsByPath(
      Stack.of(this),
      `/${Stack.of(this).stackName}/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a/ServiceRole/DefaultPolicy/Resource`,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'aws-cdk-lib log-retention handler: sets the retention of log groups it does not know in advance.',
          appliesTo: ['Resource::*'],
        },
      ],
    )
  }
}
