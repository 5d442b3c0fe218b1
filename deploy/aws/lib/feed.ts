// The warehouse feed: once a day a Fargate task runs `chatlens export-community` (the stored
// contributions of every closed day as gzip NDJSON, docs/warehouse-feed.md) into task storage and
// copies the files that are not in the feed bucket yet (same name, same size: skipped; files are
// deterministic). Redshift COPY, Athena or any engine reading S3 loads them from there.
import { Duration } from 'aws-cdk-lib'
import * as ec2 from 'aws-cdk-lib/aws-ec2'
import * as ecs from 'aws-cdk-lib/aws-ecs'
import * as events from 'aws-cdk-lib/aws-events'
import * as targets from 'aws-cdk-lib/aws-events-targets'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as s3 from 'aws-cdk-lib/aws-s3'
import { NagSuppressions } from 'cdk-nag'
import { Construct } from 'constructs'
import { privateBucket } from './buckets.ts'
import { DATABASE_NAME, type Service } from './service.ts'

export const FEED_PREFIX = 'community/'
// The AWS CLI's own image, pinned; only it talks to S3 (the chatlens image holds no S3 client).
export const UPLOADER_IMAGE = 'amazon/aws-cli:2.15.0'

export class Feed extends Construct {
  readonly bucket: s3.Bucket
  readonly task: ecs.FargateTaskDefinition

  constructor(scope: Construct, id: string, service: Service) {
    super(scope, id)
    const logs = privateBucket(this, 'AccessLogs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER })
    NagSuppressions.addResourceSuppressions(logs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' },
    ])
    this.bucket = privateBucket(this, 'Bucket', {
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'feed/',
      lifecycleRules: [
        {
          id: 'age-out',
          prefix: FEED_PREFIX,
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) },
            { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(365) },
          ],
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    })

    this.task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: 256, memoryLimitMiB: 512 })
    this.task.addVolume({ name: 'feed' })
    const secret = service.database.secret!
    const exporter = this.task.addContainer('export', {
      image: service.image,
      command: ['export-community', '--db', 'postgresql://', '--out', '/feed'],
      environment: {
        PGHOST: service.database.clusterReadEndpoint.hostname,
        PGPORT: service.database.clusterEndpoint.port.toString(),
        PGDATABASE: DATABASE_NAME,
        PGSSLMODE: 'require',
      },
      secrets: {
        PGUSER: ecs.Secret.fromSecretsManager(secret, 'username'),
        PGPASSWORD: ecs.Secret.fromSecretsManager(secret, 'password'),
      },
      essential: false,
      readonlyRootFilesystem: true,
      user: '10001:10001',
      logging: ecs.LogDrivers.awsLogs({ logGroup: service.logGroup, streamPrefix: 'feed-export' }),
    })
    exporter.addMountPoints({ containerPath: '/feed', sourceVolume: 'feed', readOnly: false })
    const uploader = this.task.addContainer('upload', {
      image: ecs.ContainerImage.fromRegistry(UPLOADER_IMAGE),
      command: ['s3', 'sync', '/feed', this.bucket.s3UrlForObject(FEED_PREFIX), '--size-only', '--no-progress'],
      essential: true,
      // The AWS CLI may keep a cache under its home folder.
      readonlyRootFilesystem: false,
      logging: ecs.LogDrivers.awsLogs({ logGroup: service.logGroup, streamPrefix: 'feed-upload' }),
    })
    uploader.addMountPoints({ containerPath: '/feed', sourceVolume: 'feed', readOnly: true })
    uploader.addContainerDependencies({ container: exporter, condition: ecs.ContainerDependencyCondition.SUCCESS })

    // The task may list the bucket and add objects under the feed prefix; nothing else.
    this.task.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${FEED_PREFIX}*`] } },
      }),
    )
    this.task.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${FEED_PREFIX}*`)] }))
    NagSuppressions.addResourceSuppressions(
      this.task,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Objects under the feed prefix only: one file per day, names not known in advance.',
          appliesTo: [{ regex: '/^Resource::<.*FeedBucket.*\\.Arn>/community/\\*$/g' }],
        },
        { id: 'AwsSolutions-ECS2', reason: 'The environment holds the database host, port, name and TLS mode only; credentials come from Secrets Manager.' },
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Execution role: ecr:GetAuthorizationToken has no resource-level permission (image pulls and the secret are limited to their ARNs).',
          appliesTo: ['Resource::*'],
        },
      ],
      true,
    )

    const securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc: service.vpc,
      description: 'chatlens warehouse feed task',
      allowAllOutbound: true,
    })
    service.database.connections.allowDefaultPortFrom(securityGroup, 'warehouse feed task')
    const rule = new events.Rule(this, 'Daily', {
      description: 'chatlens warehouse feed: export the closed days of contributions',
      // 00:30 UTC: the previous day closed 15 minutes after midnight (export-community --grace-minutes).
      schedule: events.Schedule.cron({ minute: '30', hour: '0' }),
      targets: [
        new targets.EcsTask({
          cluster: service.cluster,
          taskDefinition: this.task,
          subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          securityGroups: [securityGroup],
          assignPublicIp: false,
        }),
      ],
    })
    void rule
    NagSuppressions.addResourceSuppressions(
      this.task,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'EventBridge runs this task definition on this cluster; the task ids it starts are not known in advance.',
          appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:ecs:.*:\\*:task\\/<.*Cluster.*>\\/\\*$/g' }],
        },
      ],
      true,
    )
  }
}
