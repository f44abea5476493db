// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2025 City of Exampleton

namespace Civic.Bookings;

/// <summary>A room of the town hall booked for a time span.</summary>
public sealed record Booking(string Room, string Holder, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Overlaps(Booking other) => Room == other.Room && Start < other.End && other.Start < End;
}
