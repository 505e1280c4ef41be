using System.Diagnostics;
using System.Net;

namespace PartyAffairs.Benchmarks.ChatLoad;

/// <summary>A closed-loop load: each worker sends its next request as soon as the previous one answered.</summary>
internal static class LoadRunner
{
    /// <summary>
    /// Runs <paramref name="workers"/> loops of <paramref name="send"/>: a warm-up, then a timed window that is measured.
    /// <paramref name="processorTime"/>, when given, is read at both ends of the window (the server's CPU per request).
    /// </summary>
    public static async Task<LoadResult> RunAsync(string name, int workers, TimeSpan warmUp, TimeSpan measured, Func<int, int, Task<HttpStatusCode>> send, Func<TimeSpan>? processorTime = null)
    {
        var latencies = new List<double>[workers];
        var errors = new int[workers];
        var measuring = false;
        var stop = false;
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            latencies[worker] = new List<double>(4096);
            tasks[worker] = Task.Run(async () =>
            {
                var n = 0;
                while (!Volatile.Read(ref stop))
                {
                    var started = Stopwatch.GetTimestamp();
                    HttpStatusCode status;
                    try
                    {
                        status = await send(worker, n++);
                    }
                    catch (HttpRequestException)
                    {
                        status = HttpStatusCode.ServiceUnavailable;
                    }

                    if (Volatile.Read(ref measuring))
                    {
                        if (status == HttpStatusCode.OK)
                        {
                            latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                        else
                        {
                            errors[worker]++;
                        }
                    }
                }
            });
        }

        await Task.Delay(warmUp);
        Volatile.Write(ref measuring, true);
        var cpuBefore = processorTime?.Invoke();
        var window = Stopwatch.StartNew();
        await Task.Delay(measured);
        Volatile.Write(ref measuring, false);
        window.Stop();
        var cpu = processorTime?.Invoke() - cpuBefore;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, errors.Sum(), window.Elapsed, all) { ServerCpu = cpu };
    }
}
