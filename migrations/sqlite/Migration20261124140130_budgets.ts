import { Migration } from '@mikro-orm/migrations';

export class Migration20261124140130_budgets extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`global_limits\` (\`id\` integer not null primary key autoincrement, \`daily_limit\` double null, \`monthly_limit\` double null, \`alert_thresholds\` json not null, \`kill_switch_enabled\` integer not null, \`updated_at\` datetime not null);`,
    );

    this.addSql(
      `create table \`usage_records\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer null, \`day\` text not null, \`model\` text not null, \`input_tokens\` integer not null default 0, \`output_tokens\` integer not null default 0, \`cache_read_tokens\` integer not null default 0, \`cache_write_tokens\` integer not null default 0, \`calls\` integer not null default 0, \`cost_nanos\` bigint not null default 0, constraint \`usage_records_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete set null on update cascade);`,
    );
    this.addSql(
      `create index \`usage_records_day_covering_index\` on \`usage_records\` (\`day\`, \`model\`, \`input_tokens\`, \`output_tokens\`, \`cache_read_tokens\`, \`cache_write_tokens\`, \`calls\`, \`cost_nanos\`);`,
    );
    this.addSql(
      `create unique index \`usage_records_user_id_day_model_unique\` on \`usage_records\` (\`user_id\`, \`day\`, \`model\`);`,
    );

    this.addSql(
      `create table \`budget_alerts\` (\`id\` integer not null primary key autoincrement, \`scope\` text check (\`scope\` in ('USER', 'GLOBAL')) not null, \`scope_key\` text not null, \`user_id\` integer null, \`period\` text check (\`period\` in ('DAILY', 'MONTHLY')) not null, \`window\` text not null, \`threshold\` integer not null, \`spent\` double not null, \`limit\` double not null, \`currency\` text not null, \`at\` datetime not null, constraint \`budget_alerts_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`budget_alerts_user_id_index\` on \`budget_alerts\` (\`user_id\`);`);
    this.addSql(
      `create index \`budget_alerts_user_id_at_index\` on \`budget_alerts\` (\`user_id\`, \`at\`);`,
    );
    this.addSql(
      `create index \`budget_alerts_scope_at_index\` on \`budget_alerts\` (\`scope\`, \`at\`);`,
    );
    this.addSql(
      `create unique index \`budget_alerts_scope_key_period_window_threshold_unique\` on \`budget_alerts\` (\`scope_key\`, \`period\`, \`window\`, \`threshold\`);`,
    );

    this.addSql(
      `create table \`user_limits\` (\`user_id\` integer not null, \`daily_limit\` double null, \`monthly_limit\` double null, \`alert_thresholds\` json not null, \`kill_switch_enabled\` integer not null, \`updated_at\` datetime not null, constraint \`user_limits_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade, primary key (\`user_id\`));`,
    );
  }
}
