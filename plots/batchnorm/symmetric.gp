# Training loss of the first 200 batches, written by compare-inits.
# Re-render with `gnuplot symmetric.gp` in this folder (reads symmetric.dat).
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
set output 'symmetric.png'
set title 'Not rescued: all-equal weights stay symmetric'
set xlabel 'Batches'
set ylabel 'Loss (log scale)'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:200]
set logscale y
plot 'symmetric.dat' using 1:2 with lines linetype 1 title 'All Ones (val. acc. 9.81% ± 0.13)', \
     '' using 1:3 with lines linetype 2 title 'All Ones + BN (val. acc. 13.41% ± 1.09)', \
     '' using 1:4 with lines linetype 3 title 'PyTorch default + BN (val. acc. 86.52% ± 1.07)'
