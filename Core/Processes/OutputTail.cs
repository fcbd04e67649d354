using System.Text;

namespace VideoAspire.Core.Processes;

/// <summary>Keeps the last lines a process wrote, so memory stays flat however much it prints.</summary>
public sealed class OutputTail(int maxLines = 40)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > maxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return new StringBuilder().AppendJoin('\n', _lines).ToString();
        }
    }
}
