using PartyAffairs.Scheduler.Tests.Delivery;
using PartyAffairs.Scheduler.Tests.Jobs;
using PartyAffairs.Scheduler.Tests.Settings;
using PartyAffairs.Tests.Infrastructure;

namespace PartyAffairs.Scheduler.Tests.Completion;

// The scheduler's suites that read or write completions, with the completions in Redis (the scheduler's own ledger).
// Ledger.Tests compiles the same suites and runs them with the SQL ledger on SQLite and PostgreSQL.

/// <summary>Duty reminders with the Redis ledger.</summary>
[Collection(RedisGroup.Name)]
public sealed class DutyReminderDeliveryOnRedisLedgerTests(RedisServerFixture redis) : DutyReminderDeliveryTests(redis, new RedisLedgerBackend());

/// <summary>Reminder delivery with the Redis ledger.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderDeliveryOnRedisLedgerTests(RedisServerFixture redis) : ReminderDeliveryTests(redis, new RedisLedgerBackend());

/// <summary>Delivery leases with the Redis ledger.</summary>
[Collection(RedisGroup.Name)]
public sealed class DeliveryLeaseOnRedisLedgerTests(RedisServerFixture redis) : DeliveryLeaseTests(redis, new RedisLedgerBackend());

/// <summary>Reminder settings with the Redis ledger.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderSettingsServiceOnRedisLedgerTests(RedisServerFixture redis) : ReminderSettingsServiceTests(redis, new RedisLedgerBackend());

/// <summary>The Quartz jobs with the Redis ledger.</summary>
[Collection(RedisGroup.Name)]
public sealed class ReminderJobsOnRedisLedgerTests(RedisServerFixture redis) : ReminderJobsTests(redis, new RedisLedgerBackend());
