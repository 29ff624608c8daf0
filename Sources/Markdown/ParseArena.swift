internal import CCMarkGFM
internal import Foundation

/// Memory for cmark while it parses one body, on one thread. cmark allocates every node
/// and every line of text on its own and frees them one by one; on a directory of
/// thousands of bodies, malloc and free took nearly half of cmark's time. Here each
/// thread has an arena: allocation moves a pointer along a chunk, freeing does nothing,
/// and once a body's tree is freed the whole arena is reused for the next body.
///
/// cmark's allocator functions take no context, so each finds its thread's arena
/// through a pthread key. `MarkdownRenderer.render` parses, walks and frees a tree
/// without suspending, so the thread that begins a parse is the one that ends it. HTML
/// is rendered into memory of the system allocator (`cmark_render_html_with_mem`),
/// never into the arena.
enum ParseArena {
    /// Where a thread's arena stands. Allocated by malloc, once per thread; the chunk
    /// memory it points to is too.
    private struct State {
        var mem: cmark_mem
        /// The chunk being filled; its first `chunkHeader` bytes point to the chunk before it.
        var chunk: UnsafeMutableRawPointer
        var offset: Int
        var capacity: Int
        /// The first chunk, kept when the arena is reset.
        var first: UnsafeMutableRawPointer
        var firstCapacity: Int
        /// The payload most recently handed out, which realloc may grow where it is.
        var last: UnsafeMutableRawPointer?
        /// True between `begin` and `end`.
        var inUse: Bool
    }

    /// Bytes before each chunk's allocations (the link to the chunk before), and before
    /// each allocation (its size); both keep payloads 16-byte aligned.
    private static let chunkHeader = 16
    private static let sizeHeader = 16
    private static let chunkSize = 256 * 1024

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { state in
            if let state { ParseArena.destroy(state.assumingMemoryBound(to: State.self)) }
        }
        return key
    }()

    /// The allocator for one parse on this thread: this thread's arena, or cmark's
    /// default allocator when the arena is already in use (nothing here nests parses,
    /// but a nested one must not reset the memory of the one around it).
    static func begin() -> (mem: UnsafeMutablePointer<cmark_mem>, ownsArena: Bool) {
        let state = current()
        guard !state.pointee.inUse else { return (cmark_get_default_mem_allocator(), false) }
        state.pointee.inUse = true
        return (UnsafeMutableRawPointer(state).assumingMemoryBound(to: cmark_mem.self), true)
    }

    /// Ends the parse that `begin` started on this thread: everything allocated since is
    /// given back at once. The parser and its tree must be freed already.
    static func end() {
        let state = current()
        while state.pointee.chunk != state.pointee.first {
            let previous = state.pointee.chunk.load(as: UnsafeMutableRawPointer.self)
            free(state.pointee.chunk)
            state.pointee.chunk = previous
        }
        state.pointee.capacity = state.pointee.firstCapacity
        state.pointee.offset = chunkHeader
        state.pointee.last = nil
        state.pointee.inUse = false
    }

    private static func current() -> UnsafeMutablePointer<State> {
        if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: State.self) }
        let first = allocate(chunkSize)
        let mem = cmark_mem(
            calloc: { count, size in ParseArena.zeroed(count, size) },
            realloc: { pointer, size in ParseArena.resize(pointer, size) },
            free: { _ in })
        let state = allocate(MemoryLayout<State>.stride).bindMemory(to: State.self, capacity: 1)
        state.initialize(to: State(mem: mem, chunk: first, offset: chunkHeader, capacity: chunkSize,
                                   first: first, firstCapacity: chunkSize, last: nil, inUse: false))
        pthread_setspecific(key, state)
        return state
    }

    private static func destroy(_ state: UnsafeMutablePointer<State>) {
        var chunk = state.pointee.chunk
        while chunk != state.pointee.first {
            let previous = chunk.load(as: UnsafeMutableRawPointer.self)
            free(chunk)
            chunk = previous
        }
        free(state.pointee.first)
        state.deinitialize(count: 1)
        free(state)
    }

    /// malloc, or a stop: cmark's own allocator aborts when memory runs out.
    private static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        guard let p = malloc(bytes) else { fatalError("out of memory") }
        return p
    }

    /// `size` bytes, not zeroed, after a header that holds `size`.
    private static func take(_ size: Int) -> UnsafeMutableRawPointer {
        let state = current()
        let need = (size + sizeHeader + 15) & ~15
        if state.pointee.offset + need > state.pointee.capacity {
            let capacity = max(chunkSize, need + chunkHeader)
            let chunk = allocate(capacity)
            chunk.storeBytes(of: state.pointee.chunk, as: UnsafeMutableRawPointer.self)
            state.pointee.chunk = chunk
            state.pointee.capacity = capacity
            state.pointee.offset = chunkHeader
        }
        let block = state.pointee.chunk + state.pointee.offset
        block.storeBytes(of: size, as: Int.self)
        state.pointee.offset += need
        state.pointee.last = block + sizeHeader
        return block + sizeHeader
    }

    private static func zeroed(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { fatalError("out of memory") }
        let p = take(bytes)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        return p
    }

    private static func resize(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return take(size) }
        let old = (pointer - sizeHeader).load(as: Int.self)
        if size <= old { return pointer }
        let state = current()
        // The last block handed out grows where it is when its chunk has room.
        if pointer == state.pointee.last {
            let start = pointer - sizeHeader - state.pointee.chunk
            let need = (size + sizeHeader + 15) & ~15
            if start + need <= state.pointee.capacity {
                state.pointee.offset = start + need
                (pointer - sizeHeader).storeBytes(of: size, as: Int.self)
                return pointer
            }
        }
        let moved = take(size)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }
}
