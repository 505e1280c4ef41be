namespace PartyAffairs.BotFramework.Builder;

/// <summary>
/// Values kept for the length of one turn (BotBuilder's <c>TurnContextStateCollection</c>): what a middleware learnt
/// (the member, the de-duplication mark) for every later step of the same turn. Keys are type names unless given.
/// Not thread-safe: a turn's steps run one after another.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "BotBuilder's name, so the SDK can replace this layer.")]
public sealed class TurnContextStateCollection
{
    private Dictionary<string, object>? _values;

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public T? Get<T>(string key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values is not null && _values.TryGetValue(key, out var value) ? value as T : null;
    }

    /// <summary>The value stored under the full name of <typeparamref name="T"/>, or null.</summary>
    public T? Get<T>()
        where T : class => Get<T>(KeyOf<T>());

    /// <summary>Stores (replaces) a value under <paramref name="key"/>.</summary>
    public void Set<T>(string key, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        (_values ??= new Dictionary<string, object>(StringComparer.Ordinal))[key] = value;
    }

    /// <summary>Stores (replaces) a value under the full name of <typeparamref name="T"/>.</summary>
    public void Set<T>(T value)
        where T : class => Set(KeyOf<T>(), value);

    /// <summary>Removes the value stored under <paramref name="key"/>; true when there was one.</summary>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _values?.Remove(key) == true;
    }

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
