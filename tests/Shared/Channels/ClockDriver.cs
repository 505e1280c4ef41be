using Microsoft.Extensions.Time.Testing;

namespace PartyAffairs.Tests.Channels;

/// <summary>Runs work that waits on a fake clock shared by the libraries and the fake platforms.</summary>
public static class ClockDriver
{
    /// <summary>Runs <paramref name="work"/>, moving <paramref name="clock"/> forward by <paramref name="step"/> until it finishes.</summary>
    public static async Task RunAsync(FakeTimeProvider clock, Task work, TimeSpan step) =>
        await RunAsync(clock, work.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), step);

    /// <summary>Moves the fake clock forward while the work runs, so waits on it complete; fails after a minute of real time.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> work, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!work.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work did not finish within a minute of real time.");
            }

            clock.Advance(step);
            await Task.Delay(2);
        }

        return await work;
    }
}
