namespace PartyAffairs.Knowledge;

/// <summary>The kind of document unit a <see cref="Clause"/> was made from.</summary>
public enum ClauseKind
{
    /// <summary>A numbered item or a numbered heading with its own text.</summary>
    Item,

    /// <summary>An unnumbered paragraph.</summary>
    Paragraph,

    /// <summary>A labelled paragraph such as "组织委员：…" or "注：…".</summary>
    Labelled,

    /// <summary>A numbered item inside a table cell.</summary>
    TableItem,

    /// <summary>One sentence of a long unit; <see cref="Clause.ParentId"/> names the unit.</summary>
    Sentence,

    /// <summary>The label cell of a table row when it holds a value of its own ("学习星 25分"); the row's items follow it.</summary>
    TableRow,
}
