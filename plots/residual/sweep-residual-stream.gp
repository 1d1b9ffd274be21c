# The residual stream through the blocks at initialization, written by compare-inits.
# Re-render with `gnuplot sweep-residual-stream.gp` in this folder (reads sweep-residual-stream.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'sweep-residual-stream.png'
set datafile missing '?'
set grid
set format y '%g'
set title 'Depth: which initializations train a deep residual MLP without normalization:'."\n".'the residual stream'."'".'s std after each block at initialization, 128'."\n".'blocks (block 0: the input projection; geometric mean over 3 seeds)'
set xlabel 'block'
set ylabel 'stream std (probe batch)'
set logscale y
set key outside below center horizontal height 1.5
set offsets graph 0.02, graph 0.02, 0, 0
plot 'sweep-residual-stream.dat' using 1:2 with lines linetype 1 title 'He, no normalization', \
     'sweep-residual-stream.dat' using 1:3 with lines linetype 2 title 'He + batch norm', \
     'sweep-residual-stream.dat' using 1:4 with lines linetype 3 title 'Fixup', \
     'sweep-residual-stream.dat' using 1:5 with lines linetype 4 title 'SkipInit', \
     'sweep-residual-stream.dat' using 1:6 with lines linetype 5 title 'ReZero', \
     'sweep-residual-stream.dat' using 1:7 with lines linetype 6 title '1/√L branches', \
     'sweep-residual-stream.dat' using 1:8 with lines linecolor rgb '#888888' dashtype 2 linewidth 1 title 'variance ×2 per block (2^L)'
