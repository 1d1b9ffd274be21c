# Training loss of the first 200 batches, written by compare-inits.
# Re-render with `gnuplot good-scales.gp` in this folder (reads good-scales.dat).
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
set output 'good-scales.png'
set title 'Variance-preserving: Xavier, Kaiming, orthogonal, PyTorch'."'".'s default'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:200]
plot 'good-scales.dat' using 1:2 with lines linetype 1 title 'Xavier uniform (val. acc. 85.34%)', \
     '' using 1:3 with lines linetype 2 title 'Kaiming uniform (tanh gain) (val. acc. 85.45%)', \
     '' using 1:4 with lines linetype 3 title 'Orthogonal (tanh gain) (val. acc. 84.63%)', \
     '' using 1:5 with lines linetype 4 title 'PyTorch default (val. acc. 83.01%)'
