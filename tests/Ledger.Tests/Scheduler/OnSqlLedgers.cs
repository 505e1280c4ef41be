using PartyAffairs.Ledger.Tests.Infrastructure;
using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Scheduler.Tests.Jobs;
using PartyAffairs.Scheduler.Tests.Settings;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Ledger.Tests.Scheduler;

// The scheduler's suites that read or write completions (compiled from tests/Scheduler.Tests), with the completions in
// the SQL ledger on SQLite and on PostgreSQL; queues, leases and settings stay in the real Redis as in production.

/// <summary>Duty reminders with the SQL ledger on SQLite.</summary>
[Collection(RedisGroup.Name)]
public sealed class DutyReminderDeliveryOnSqliteTests(RedisServerFixture redis, SqliteStore store) : DutyReminderDeliveryTests(redis, new SqlLedgerBackend(store)), IClassFixture<SqliteStore>;

/// <summary>Duty reminders with the SQL ledger on PostgreSQL.</summary>
[Collection(RedisGroup.Name)]
public sealed class DutyReminderDeliveryOnPostgresTests(RedisServerFixture redis, PostgresStore store) : DutyReminderDeliveryTests(redis, new SqlLedgerBackend(store)), IClassFixture<PostgresStore>;

/// <summary>Reminder delivery with the SQL ledger on SQLite.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderDeliveryOnSqliteTests(RedisServerFixture redis, SqliteStore store) : ReminderDeliveryTests(redis, new SqlLedgerBackend(store)), IClassFixture<SqliteStore>;

/// <summary>Reminder delivery with the SQL ledger on PostgreSQL.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderDeliveryOnPostgresTests(RedisServerFixture redis, PostgresStore store) : ReminderDeliveryTests(redis, new SqlLedgerBackend(store)), IClassFixture<PostgresStore>;

/// <summary>Delivery leases with the SQL ledger on SQLite.</summary>
[Collection(RedisGroup.Name)]
public sealed class DeliveryLeaseOnSqliteTests(RedisServerFixture redis, SqliteStore store) : DeliveryLeaseTests(redis, new SqlLedgerBackend(store)), IClassFixture<SqliteStore>;

/// <summary>Delivery leases with the SQL ledger on PostgreSQL.</summary>
[Collection(RedisGroup.Name)]
public sealed class DeliveryLeaseOnPostgresTests(RedisServerFixture redis, PostgresStore store) : DeliveryLeaseTests(redis, new SqlLedgerBackend(store)), IClassFixture<PostgresStore>;

/// <summary>Reminder settings with the SQL ledger on SQLite.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderSettingsServiceOnSqliteTests(RedisServerFixture redis, SqliteStore store) : ReminderSettingsServiceTests(redis, new SqlLedgerBackend(store)), IClassFixture<SqliteStore>;

/// <summary>Reminder settings with the SQL ledger on PostgreSQL.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderSettingsServiceOnPostgresTests(RedisServerFixture redis, PostgresStore store) : ReminderSettingsServiceTests(redis, new SqlLedgerBackend(store)), IClassFixture<PostgresStore>;

/// <summary>The Quartz jobs with the SQL ledger on SQLite.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderJobsOnSqliteTests(RedisServerFixture redis, SqliteStore store) : ReminderJobsTests(redis, new SqlLedgerBackend(store)), IClassFixture<SqliteStore>;

/// <summary>The Quartz jobs with the SQL ledger on PostgreSQL.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderJobsOnPostgresTests(RedisServerFixture redis, PostgresStore store) : ReminderJobsTests(redis, new SqlLedgerBackend(store)), IClassFixture<PostgresStore>;
